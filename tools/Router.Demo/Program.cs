using Router.Demo;

return await DemoCommand.Create().Parse(args).InvokeAsync();

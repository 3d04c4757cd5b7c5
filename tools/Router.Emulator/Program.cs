using Router.Emulator;

return await EmulatorCommand.Create().Parse(args).InvokeAsync();

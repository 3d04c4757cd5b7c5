using System.CommandLine;
using Router.Cli.Commands;

RootCommand root = new("Router.Lsp: a language server that sends each editor AI request to the right model.");
root.Subcommands.Add(LspCommand.Create());
root.Subcommands.Add(EmulateCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(RouteCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(AskCommand.Create());
root.Subcommands.Add(DoctorCommand.Create());

return await root.Parse(args).InvokeAsync();

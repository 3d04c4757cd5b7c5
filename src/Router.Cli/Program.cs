using System.CommandLine;
using Router.Cli.Commands;
using Router.Cli.Terminal;

// Whatever any command writes to stderr (for `router lsp`, the log an editor keeps) is redacted on its way out.
Console.SetError(RedactingWriter.Wrap(Console.Error));

RootCommand root = new("Router.Lsp: a language server that sends each editor AI request to the right model.");
root.Subcommands.Add(LspCommand.Create());
root.Subcommands.Add(EmulateCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(RouteCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(AskCommand.Create());
root.Subcommands.Add(DoctorCommand.Create());

return await root.Parse(args).InvokeAsync();

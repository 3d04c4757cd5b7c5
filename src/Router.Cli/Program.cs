using System.CommandLine;
using Router.Cli.Commands;
using Router.Cli.Logging;
using Router.Cli.Terminal;

// Whatever any command writes to stderr (for `router lsp`, the log an editor keeps) is redacted on its way out.
Console.SetError(RedactingWriter.Wrap(Console.Error));

using RouterLogs logs = new();
RootCommand root = new("Router.Lsp: a language server that sends each editor AI request to the right model.");
root.Options.Add(logs.LevelOption);
root.Subcommands.Add(LspCommand.Create(logs));
root.Subcommands.Add(RouteCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(AskCommand.Create(logs));
root.Subcommands.Add(DoctorCommand.Create());
root.Subcommands.Add(PlanCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(InitCommand.Create());
root.Subcommands.Add(ConfigCommand.Create());
root.Subcommands.Add(ReportCommand.Create());

ParseResult parsed = root.Parse(args);

// Log lines go to stderr, never stdout (the protocol's, for `router lsp`), and to router.log; each is redacted first.
logs.Start(parsed, Console.Error, Environment.GetEnvironmentVariable);
return await parsed.InvokeAsync();

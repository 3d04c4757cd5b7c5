using System.CommandLine;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Router.Backends.Endpoints;
using Router.Cli.Logging;
using Router.Lsp;
using Router.Protocol.Framing;
using Router.Runtime;
using Router.Runtime.Configuration;
using Router.Runtime.Dispatch;
using Router.Runtime.Inventory;
using Router.Runtime.Usage;
using Router.Runtime.Usage.Postgres;

namespace Router.Cli.Commands;

/// <summary><c>router lsp</c>: the language server on stdin/stdout.</summary>
internal static class LspCommand
{
    public static Command Create(RouterLogs logs)
    {
        Option<string?> config = new("--config")
        {
            Description = "Configuration file; by default router.yaml in the workspace root, else the built-in default. Edits apply without a restart.",
        };

        // vscode-languageclient and other launchers pass --stdio; stdio is the only transport, so it is accepted and ignored.
        Option<bool> stdio = new("--stdio") { Description = "Talk LSP over stdin/stdout (the default and only transport)." };

        Command command = new("lsp", "Run the language server over stdio (what an editor starts).");
        command.Options.Add(config);
        command.Options.Add(stdio);
        command.SetAction(async (parseResult, cancellationToken) =>
            await RunAsync(parseResult.GetValue(config), logs, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? configPath, RouterLogs logs, CancellationToken cancellationToken)
    {
        // stdout carries the protocol: anything else written there would corrupt it.
        Console.SetOut(Console.Error);
        ILogger log = logs.Factory.CreateLogger("router lsp");
        LspCommandLog.Started(log, Version, Environment.ProcessId, configPath ?? "the workspace's router.yaml, else the built-in default", logs.Directory ?? "(none)");

        using RouterConfigSource config = configPath is null
            ? RouterConfigSource.FromWorkspace(null, Environment.GetEnvironmentVariable)
            : RouterConfigSource.FromFile(configPath, Environment.GetEnvironmentVariable);
        config.Logger = logs.Factory.CreateLogger("config");
        config.Reloaded += reload => LspCommandLog.Reload(config.Logger, reload);
        if (config.InitialLoad is { Applied: false } failed)
        {
            foreach (var diagnostic in failed.Diagnostics)
            {
                LspCommandLog.ConfigProblem(log, diagnostic.ToString());
            }

            LspCommandLog.StartingOnDefault(log);
        }

        using ModelProviderPool providers = new();
        IUsageLedger ledger;
        try
        {
            ledger = await ConfiguredLedger.OpenAsync(
                config.Policy.Config.Ledger, Environment.GetEnvironmentVariable, logs.Factory.CreateLogger("ledger"), cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            // The editor's server keeps running on the personal ledger rather than not at all; the log says why.
            LspCommandLog.ConfigProblem(log, e.Message);
            ledger = await UsageLedger.OpenAsync(
                options: new UsageLedgerOptions(config.Policy.Config.Ledger.RetentionDays), logger: logs.Factory.CreateLogger("ledger"), cancellationToken: cancellationToken);
        }

        await using RouterRuntime runtime = new(providers, new HostInventory(), ledger, dispatch: new DispatchOptions { Logger = logs.Factory.CreateLogger("dispatch") });
        (ledger as PostgresUsageLedger)?.ShareHealth(runtime.Health);

        // Hosts are probed in the background, so a dead one is skipped and a revived one used again without a user waiting on it.
        runtime.StartProbing(() => config.Policy.Config.Endpoints.Values, ProbeInterval, cancellationToken);
        await using Stream standardInput = Console.OpenStandardInput();
        await using Stream input = OwnThreadInput.Start(standardInput, "router lsp: standard input");
        await using Stream output = Console.OpenStandardOutput();
        ILogger completions = logs.Factory.CreateLogger("completion");
        LspServerOptions options = new()
        {
            ServerVersion = Version,
            Logger = logs.Factory.CreateLogger("lsp"),
            WarmUpCodeModel = true,
            CompletionObserver = trace => LspCommandLog.Completion(completions, trace),
            UsageLedger = ledger,
        };
        await using LspServer server = new(input, output, options, config, runtime);
        return await server.RunAsync(cancellationToken);
    }

    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(30);

    private static string Version =>
        typeof(LspCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}

using System.CommandLine;
using System.Text.Json;
using Router.Backends.Providers;
using Router.Cli.Planning;
using Router.Cli.Terminal;
using Router.Core.Configuration;
using Router.Core.Placement;
using Router.Core.Requests;
using Router.Runtime.Benchmarks;
using Router.Runtime.Configuration;
using Router.Runtime.Placement;
using Router.Runtime.Usage;

namespace Router.Cli.Commands;

/// <summary>`router plan`: which models each local host should keep resident for the workload, and the Ollama settings for it.</summary>
internal static class PlanCommand
{
    /// <summary>How old a bench's cold loads may be and still stand for a host's load throughput: disks and drivers change.</summary>
    public static readonly TimeSpan BenchLoadWindow = TimeSpan.FromDays(90);

    public static Command Create()
    {
        Command command = new("plan", "Show per host which models to keep resident (most load time saved within its GPU memory), their estimated memory, and the OLLAMA_MAX_LOADED_MODELS and OLLAMA_KEEP_ALIVE that fit. Exit code 1 when a tier's model fits on no host.");
        Option<string?> config = new("--config") { Description = "Configuration file (default: ./router.yaml, else the built-in default)." };
        Option<string?> rates = new("--rates") { Description = "Requests an hour per tier: lines 'TIER RATE' or 'TIER MODEL RATE' (default: the usage ledger's last 7 days, else a typical hour of editing)." };
        Option<bool> json = new("--json") { Description = "Write the plan as one JSON object." };
        Option<double> timeout = ProbeTimeout.Create("Seconds one host may take to answer.", 5);
        command.Options.Add(config);
        command.Options.Add(rates);
        command.Options.Add(json);
        command.Options.Add(timeout);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (await ProbeTimeout.ReadAsync(parseResult, timeout, "plan", cancellationToken) is not { } probeTimeout)
            {
                return 2;
            }

            PlanInvocation invocation = new(parseResult.GetValue(config), parseResult.GetValue(rates), parseResult.GetValue(json), probeTimeout);
            return await RunAsync(invocation, Console.Out, Console.Error, Environment.CurrentDirectory, Environment.GetEnvironmentVariable, cancellationToken);
        });
        return command;
    }

    /// <summary>The whole command with its streams passed in: 0 when every tier's model fits somewhere (or no host's memory is
    /// known), 1 when one fits on no host, 2 for an unusable configuration or rates file.</summary>
    public static async Task<int> RunAsync(
        PlanInvocation invocation,
        TextWriter stdout,
        TextWriter stderr,
        string currentDirectory,
        Func<string, string?> environment,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        stderr = RedactingWriter.Wrap(stderr);
        if (await RouterConfigSource.LoadReportingAsync("plan", invocation.ConfigPath, currentDirectory, environment, stderr, cancellationToken) is not { } routerConfig)
        {
            return 2;
        }

        IReadOnlyDictionary<(Tier Tier, string Model), double> requestsPerHour = WorkloadRates.Default(routerConfig);
        string ratesSource = "default mix (about two completions a minute on code, the article's mixed day for the other tiers)";
        if (invocation.RatesPath is { } path)
        {
            string full = Path.GetFullPath(path, currentDirectory);
            string text;
            try
            {
                text = await File.ReadAllTextAsync(full, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"router plan: cannot read the rates file {path}: {e.Message}".AsMemory(), cancellationToken);
                return 2;
            }

            (requestsPerHour, IReadOnlyList<string> errors) = WorkloadRates.Parse(text, routerConfig, path);
            foreach (string error in errors)
            {
                await stderr.WriteLineAsync($"router plan: {error}".AsMemory(), cancellationToken);
            }

            if (errors.Count > 0)
            {
                return 2;
            }

            ratesSource = path;
        }
        else
        {
            // Without a rates file the user's own week counts, once the ledger holds enough of it.
            await using UsageLedger ledger = await UsageLedger.OpenAsync(UsageLedger.DefaultPath(environment), cancellationToken: cancellationToken);
            if (await LedgerRates.ReadAsync(ledger, routerConfig, DateTimeOffset.UtcNow, cancellationToken) is { } measured)
            {
                requestsPerHour = measured.RequestsPerHour;
                ratesSource = $"the usage ledger, last 7 days: {measured.Requests} requests in {measured.ActiveHours} hours of work";
            }
        }

        // Cold loads `router bench` measured on these hosts give their load throughput; without them, the default.
        LoadThroughputBook loads = new();
        string loadTimes = $"model size at {LoadTimePredictor.DefaultBytesPerSecond / 1e9:0.#} GB/s (`router bench --cold` measures this machine's)";
        string ledgerPath = UsageLedger.DefaultPath(environment);
        if (File.Exists(ledgerPath))
        {
            try
            {
                BenchResultStore bench = await BenchResultStore.OpenAsync(ledgerPath, cancellationToken);
                if (await bench.NoteColdLoadsAsync(loads, DateTimeOffset.UtcNow - BenchLoadWindow, cancellationToken) is > 0 and var noted)
                {
                    loadTimes = $"model size at the load throughput `router bench --cold` measured ({noted} cold load{(noted == 1 ? "" : "s")})";
                }
            }
            catch (BenchStoreException e)
            {
                await stderr.WriteLineAsync($"router plan: {e.Message}; load times use the default throughput".AsMemory(), cancellationToken);
            }
        }

        using HttpClient http = ProviderHttpClient.Create(invocation.Timeout);
        IReadOnlyList<PlacementHost> hosts = await PlacementProbe.HostsAsync(
            routerConfig, http, new VramCorrections(), loads, budgetFromPs: true, invocation.Timeout, cancellationToken);
        PlacementPlan plan = PlacementPlanner.Plan(routerConfig, hosts, requestsPerHour);
        PlanReport report = PlanReportBuilder.Build(routerConfig.Source, ratesSource, plan) with { LoadTimes = loadTimes };
        string output = invocation.Json ? JsonSerializer.Serialize(report, PlanJsonContext.Default.PlanReport) + "\n" : PlanTable.Format(report);
        await stdout.WriteAsync(output.AsMemory(), cancellationToken);
        await stdout.FlushAsync(cancellationToken);
        return report.Unplaced.Count == 0 ? 0 : 1;
    }
}

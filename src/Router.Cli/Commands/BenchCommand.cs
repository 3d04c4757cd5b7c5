using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Router.Backends.Endpoints;
using Router.Backends.Providers;
using Router.Cli.Benchmarking;
using Router.Cli.Terminal;
using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Runtime.Benchmarks;
using Router.Runtime.Configuration;
using Router.Runtime.Usage;

namespace Router.Cli.Commands;

/// <summary>`router bench`: measures each route on the user's own hosts (first token warm and cold, prompt and generation
/// speed, prompt cache, next-line infill accuracy), prints a plan per route and keeps the results in the usage ledger.</summary>
internal static class BenchCommand
{
    public const int MaxRepetitions = 100;

    public static Command Create()
    {
        Command command = new("bench", "Measure every route on your own hosts: time to first token warm and (--cold) cold, prompt and generation tokens a second, prompt-cache hits, and fill-in-the-middle accuracy on bundled tasks; print a plan per route and store the results in the usage ledger for `router plan`. Cloud endpoints are benched only when --tiers names their tier. Exit code 1 when a route could not be measured.");
        Option<string?> config = new("--config") { Description = "Configuration file (default: ./router.yaml, else the built-in default)." };
        Option<string?> tiers = new("--tiers") { Description = "Tiers to bench, comma-separated (e.g. code,quick); default every configured tier, cloud endpoints left out." };
        Option<int> reps = new("--reps") { Description = "Measured requests per route (the median and min–max are reported).", DefaultValueFactory = _ => 3 };
        Option<bool> cold = new("--cold") { Description = "Also measure cold loads: unload each model (keep_alive 0) before each of its cold requests." };
        Option<bool> json = new("--json") { Description = "Write the results as one JSON object." };
        Option<double> timeout = ProbeTimeout.Create("Seconds one request may take (a refactor of 800 tokens on a slow host takes minutes).", 300);
        command.Options.Add(config);
        command.Options.Add(tiers);
        command.Options.Add(reps);
        command.Options.Add(cold);
        command.Options.Add(json);
        command.Options.Add(timeout);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (await ProbeTimeout.ReadAsync(parseResult, timeout, "bench", cancellationToken) is not { } requestTimeout)
            {
                return 2;
            }

            (IReadOnlyList<Tier>? chosen, string? error) = ParseTiers(parseResult.GetValue(tiers));
            int repetitions = parseResult.GetValue(reps);
            error ??= repetitions is < 1 or > MaxRepetitions ? $"--reps must be between 1 and {MaxRepetitions}, not {repetitions}" : null;
            if (error is not null)
            {
                await Console.Error.WriteLineAsync($"router bench: {error}".AsMemory(), cancellationToken);
                return 2;
            }

            BenchInvocation invocation = new(parseResult.GetValue(config), chosen, repetitions, parseResult.GetValue(cold), parseResult.GetValue(json), requestTimeout);
            return await RunAsync(invocation, Console.Out, Console.Error, Environment.CurrentDirectory, Environment.GetEnvironmentVariable, cancellationToken);
        });
        return command;
    }

    /// <summary>The tiers of a --tiers value; null for none given; an error naming the first unknown one.</summary>
    public static (IReadOnlyList<Tier>? Tiers, string? Error) ParseTiers(string? value)
    {
        if (value is null)
        {
            return (null, null);
        }

        List<Tier> tiers = [];
        foreach (string name in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TierNames.TryParse(name, out Tier? tier))
            {
                return (null, $"unknown tier '{name}' in --tiers (tiers: {TierNames.Listing})");
            }

            if (!tiers.Contains(tier.Value))
            {
                tiers.Add(tier.Value);
            }
        }

        return tiers.Count == 0 ? (null, "--tiers names no tier") : (tiers, null);
    }

    /// <summary>The whole command with its streams and environment passed in: 0 when every route was measured, 1 when one
    /// could not be (host down, model missing, results not stored), 2 for an unusable configuration.</summary>
    public static async Task<int> RunAsync(
        BenchInvocation invocation,
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
        if (await RouterConfigSource.LoadReportingAsync("bench", invocation.ConfigPath, currentDirectory, environment, stderr, cancellationToken) is not { } routerConfig)
        {
            return 2;
        }

        string runId = Guid.NewGuid().ToString("N")[..8];
        DateTimeOffset startedAt = DateTimeOffset.UtcNow;
        using HttpClient http = ProviderHttpClient.Create();
        using ModelProviderPool pool = new(ProviderHttpClient.Create(), environment);
        BenchRunner runner = new(routerConfig, invocation, http, pool, new BenchPromptBuilder(), FimTaskSet.All);
        BenchReport report = await runner.RunAsync(runId, startedAt, cancellationToken);

        bool stored = true;
        IReadOnlyList<BenchMeasurement> rows = BenchRows.From(report);
        if (rows.Count > 0)
        {
            string path = UsageLedger.DefaultPath(environment);
            try
            {
                BenchResultStore store = await BenchResultStore.OpenAsync(path, cancellationToken);
                await store.SaveAsync([.. rows], cancellationToken);
                report = report with { Ledger = path };
            }
            catch (BenchStoreException e)
            {
                stored = false;
                await stderr.WriteLineAsync($"router bench: {e.Message}; the results are printed but not kept".AsMemory(), cancellationToken);
            }
        }

        if (report.Routes.Count == 0)
        {
            report = report with { Notes = [.. report.Notes, $"no route to bench: {routerConfig.Source} has no tier with an endpoint{(invocation.Tiers is null ? "" : " among the tiers named")}"] };
        }

        string output = invocation.Json ? JsonSerializer.Serialize(report, BenchJsonContext.Default.BenchReport) + "\n" : BenchText.Format(report);
        await stdout.WriteAsync(output.AsMemory(), cancellationToken);
        await stdout.FlushAsync(cancellationToken);
        bool complete = report.Routes.Count > 0 && report.Routes.All(r => r.Status != RouteBench.Failed);
        return complete && stored ? 0 : 1;
    }
}

using System.CommandLine;
using System.Text.Json;
using Router.Cli.Report;
using Router.Cli.Terminal;
using Router.Core.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Router.Core.Usage;
using Router.Core.Usage.Reporting;
using Router.Runtime.Configuration;
using Router.Runtime.Usage;
using Router.Runtime.Usage.Postgres;
using Router.Runtime.Usage.Reporting;

namespace Router.Cli.Commands;

/// <summary>`router report`: where the compute went, from the usage ledger every router process of the user books into.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        Command command = new("report", "Report where requests went from the usage ledger: route shares, latency, completions accepted, cold loads, fallbacks and escalations, cloud spend against budget, and what routing saved against one big model.");
        Option<string> since = new("--since") { Description = "How far back: a span (7d, 12h, 90m) or a date (2026-12-01). Default 7d.", DefaultValueFactory = _ => "7d" };
        Option<bool> json = new("--json") { Description = "Write the report as one JSON object." };
        Option<string?> html = new("--html") { Description = "Also write the report as a self-contained HTML page with charts to this file." };
        Option<string?> config = new("--config") { Description = "Configuration whose budgets and frontier prices the report uses (default: ./router.yaml, else the built-in default)." };
        Option<string?> ledger = new("--ledger") { Description = "The usage ledger to read (default: usage.db in the state folder)." };
        command.Options.Add(since);
        command.Options.Add(json);
        command.Options.Add(html);
        command.Options.Add(config);
        Option<bool> team = new("--team") { Description = "Report the team's shared ledger (ledger.provider: postgres) per user, gateway key, route and model; users as hashed ids unless ledger.shareNames is true." };
        command.Options.Add(ledger);
        command.Options.Add(team);
        command.SetAction(async (parseResult, cancellationToken) => await RunAsync(
            new ReportInvocation(
                parseResult.GetValue(since) ?? "7d", parseResult.GetValue(json), parseResult.GetValue(html), parseResult.GetValue(config), parseResult.GetValue(ledger),
                parseResult.GetValue(team)),
            Console.Out,
            Console.Error,
            Environment.CurrentDirectory,
            Environment.GetEnvironmentVariable,
            TimeProvider.System,
            cancellationToken));
        return command;
    }

    /// <summary>The whole command with its streams, environment and clock passed in: 0 when reported, 2 when an option or the
    /// configuration is unusable, 1 when the HTML file cannot be written.</summary>
    public static async Task<int> RunAsync(
        ReportInvocation invocation,
        TextWriter stdout,
        TextWriter stderr,
        string currentDirectory,
        Func<string, string?> environment,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(time);
        stderr = RedactingWriter.Wrap(stderr);
        DateTimeOffset now = time.GetUtcNow();
        TimeZoneInfo zone = time.LocalTimeZone;
        (DateTimeOffset? since, string? problem) = ReportSince.Parse(invocation.Since, now, zone);
        if (since is null)
        {
            await stderr.WriteLineAsync($"router report: {problem}");
            return 2;
        }

        if (await RouterConfigSource.LoadReportingAsync("report", invocation.ConfigPath, currentDirectory, environment, stderr, cancellationToken) is not { } config)
        {
            return 2;
        }

        if (invocation.Team)
        {
            return await TeamAsync(invocation, config, since.Value, stdout, stderr, environment, cancellationToken);
        }

        string path = invocation.LedgerPath is { } given ? Path.GetFullPath(given, currentDirectory) : UsageLedger.DefaultPath(environment);
        UsageReport report;
        await using (UsageLedger ledger = await UsageLedger.OpenAsync(path, cancellationToken: cancellationToken))
        {
            if (ledger.Warning is { } warning)
            {
                await stderr.WriteLineAsync($"router report: {warning}");
            }

            report = await UsageReportSettings.BuildAsync(ledger, UsageReportSettings.Options(config, since.Value, now, zone), cancellationToken);
        }

        if (invocation.HtmlPath is { } htmlPath)
        {
            string target = Path.GetFullPath(htmlPath, currentDirectory);
            try
            {
                await File.WriteAllTextAsync(target, UsageReportHtml.Render(report), cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"router report: cannot write {target} ({e.Message})");
                return 1;
            }
        }

        string text = invocation.Json ? JsonSerializer.Serialize(report, ReportJsonContext.Default.UsageReport) + "\n" : ReportText.Format(report, path);
        await stdout.WriteAsync(text.AsMemory(), cancellationToken);
        if (invocation.HtmlPath is { } written && !invocation.Json)
        {
            await stdout.WriteAsync($"\nHTML report: {Path.GetFullPath(written, currentDirectory)}\n".AsMemory(), cancellationToken);
        }

        await stdout.FlushAsync(cancellationToken);
        return 0;
    }

    /// <summary>`router report --team`: reads the team's PostgreSQL ledger named by router.yaml.</summary>
    private static async Task<int> TeamAsync(
        ReportInvocation invocation, RouterConfig config, DateTimeOffset since, TextWriter stdout, TextWriter stderr,
        Func<string, string?> environment, CancellationToken cancellationToken)
    {
        if (config.Ledger.Provider != LedgerProvider.Postgres)
        {
            await stderr.WriteLineAsync("router report --team: the team report reads a shared ledger; set ledger: { provider: postgres, connectionEnv: ROUTER_LEDGER_URL } in router.yaml");
            return 2;
        }

        TeamReport report;
        try
        {
            await using IUsageLedger ledger = await ConfiguredLedger.OpenAsync(config.Ledger, environment, NullLogger.Instance, cancellationToken);
            List<UsageRecord> records = [];
            await foreach (UsageRecord record in ledger.ReadSinceAsync(since, cancellationToken))
            {
                records.Add(record);
            }

            report = TeamReportBuilder.Build(records, since, config.Ledger.ShareNames);
        }
        catch (InvalidOperationException e)
        {
            await stderr.WriteLineAsync($"router report --team: {e.Message}");
            return 2;
        }
        catch (Exception e) when (PostgresUsageLedger.IsUnreachable(e))
        {
            await stderr.WriteLineAsync($"router report --team: the team ledger cannot be read ({PostgresUsageLedger.Describe(e)})");
            return 1;
        }

        string text = invocation.Json ? JsonSerializer.Serialize(report, ReportJsonContext.Default.TeamReport) + "\n" : TeamReportText.Format(report);
        await stdout.WriteAsync(text.AsMemory(), cancellationToken);
        await stdout.FlushAsync(cancellationToken);
        return 0;
    }
}

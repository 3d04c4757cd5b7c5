using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Router.Cli.Evaluation;
using Router.Cli.Routing;
using Router.Cli.Terminal;
using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Runtime.Configuration;

namespace Router.Cli.Commands;

/// <summary>`router eval`: routes labelled cases as `route --batch` would and scores the decisions: tier accuracy, privacy
/// recall, leaks, false-private, per category and per language.</summary>
internal static class EvalCommand
{
    /// <summary>Where the cases are looked for when --cases is not given, under the current directory.</summary>
    public static readonly string DefaultCasesDirectory = Path.Combine("eval", "cases");

    public static Command Create()
    {
        Command command = new("eval", "Route labelled cases (a dry run) and score the decisions. Exit code 1 when a threshold is missed or a case cannot be read, 2 when the configuration or the cases are unusable.");
        Option<string?> cases = new("--cases") { Description = "A JSONL file of labelled cases, or a directory of them (default: ./eval/cases)." };
        Option<string?> config = new("--config") { Description = "Configuration file (default: ./router.yaml, else the built-in default)." };
        Option<double> minAccuracy = new("--min-accuracy") { Description = "Lowest tier accuracy that passes, 0 to 1.", DefaultValueFactory = _ => 0 };
        Option<int?> maxLeaks = new("--max-leaks") { Description = "Most private cases that may leak (default: any number)." };
        Option<double> maxFalsePrivate = new("--max-false-private") { Description = "Highest share of public cases that may be decided localOnly, 0 to 1.", DefaultValueFactory = _ => 1.0 };
        Option<bool> json = new("--json") { Description = "Write the figures as one JSON object." };
        Option<bool> showMisses = new("--show-misses") { Description = "List every miss: id, labels, decision and reasons (never a case's text)." };
        command.Options.Add(cases);
        command.Options.Add(config);
        command.Options.Add(minAccuracy);
        command.Options.Add(maxLeaks);
        command.Options.Add(maxFalsePrivate);
        command.Options.Add(json);
        command.Options.Add(showMisses);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            EvalInvocation invocation = new(
                parseResult.GetValue(cases),
                parseResult.GetValue(config),
                new EvalThresholds(parseResult.GetValue(minAccuracy), parseResult.GetValue(maxLeaks), parseResult.GetValue(maxFalsePrivate)),
                parseResult.GetValue(json),
                parseResult.GetValue(showMisses));
            return await RunAsync(invocation, Console.Out, Console.Error, Environment.CurrentDirectory, Environment.GetEnvironmentVariable, cancellationToken);
        });
        return command;
    }

    /// <summary>The whole command with its streams and environment passed in, so tests run it in-process.</summary>
    public static async Task<int> RunAsync(
        EvalInvocation invocation,
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

        if (ProblemWith(invocation.Thresholds) is { } problem)
        {
            await stderr.WriteLineAsync($"router eval: {problem}".AsMemory(), cancellationToken);
            return 2;
        }

        if (await RouterConfigSource.LoadReportingAsync("eval", invocation.ConfigPath, currentDirectory, environment, stderr, cancellationToken) is not { } routerConfig)
        {
            return 2;
        }

        string casesPath = invocation.CasesPath ?? DefaultCasesDirectory;
        string fullCasesPath = Path.GetFullPath(casesPath, currentDirectory);
        if (!File.Exists(fullCasesPath) && !Directory.Exists(fullCasesPath))
        {
            string hint = invocation.CasesPath is null
                ? $"there is no {DefaultCasesDirectory} here ({currentDirectory}); give --cases FILE.jsonl or a directory of them"
                : $"{invocation.CasesPath} is neither a file nor a directory";
            await stderr.WriteLineAsync($"router eval: no cases: {hint}".AsMemory(), cancellationToken);
            return 2;
        }

        IReadOnlyList<string> files = EvalCaseReader.FilesOf(casesPath, currentDirectory);
        if (files.Count == 0)
        {
            await stderr.WriteLineAsync($"router eval: no cases: {casesPath} holds no *.jsonl file".AsMemory(), cancellationToken);
            return 2;
        }

        Stopwatch clock = Stopwatch.StartNew();
        EvalCaseSet caseSet;
        try
        {
            caseSet = await EvalCaseReader.ReadAsync(files, currentDirectory, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"router eval: cannot read the cases: {ex.Message}".AsMemory(), cancellationToken);
            return 2;
        }

        if (caseSet.Cases.Count == 0 && caseSet.BadLines.Count == 0)
        {
            await stderr.WriteLineAsync($"router eval: no cases: {casesPath} holds no case".AsMemory(), cancellationToken);
            return 2;
        }

        foreach (BadCaseLine bad in caseSet.BadLines)
        {
            await stderr.WriteLineAsync(bad.ToString().AsMemory(), cancellationToken);
        }

        await WarnOfDuplicateIdsAsync(caseSet.Cases, stderr, cancellationToken);

        // Each case goes through the code path of `route --batch` (the same parsing, policy and decision line), so this
        // command and an outside scorer of `route --batch --json` judge the same decisions.
        RouteBatchRunner runner = new(new RoutePolicy(routerConfig));
        List<CaseOutcome> outcomes = new(caseSet.Cases.Count);
        foreach (EvalCase evalCase in caseSet.Cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (RouteDecisionLine? decision, RouteErrorLine? error) = runner.Decide(evalCase.Line);
            outcomes.Add(new CaseOutcome(evalCase, decision, error?.Error));
            if (error is not null)
            {
                await stderr.WriteLineAsync($"{evalCase.File}:{evalCase.LineNumber}: error: case {evalCase.Id} cannot be routed: {error.Error}".AsMemory(), cancellationToken);
            }
        }

        string configShown = invocation.ConfigPath ?? routerConfig.Source;
        EvalReport report = EvalScorer.Score(configShown, caseSet, outcomes, clock.ElapsedMilliseconds);
        report = report with { Failures = invocation.Thresholds.FailuresOf(report) };

        if (invocation.Json)
        {
            await stdout.WriteAsync((JsonSerializer.Serialize(report, EvalJsonContext.Default.EvalReport) + "\n").AsMemory(), cancellationToken);
        }
        else
        {
            string casesShown = files.Count == 1
                ? string.Create(CultureInfo.InvariantCulture, $"{report.Cases} cases from {files[0]}")
                : string.Create(CultureInfo.InvariantCulture, $"{report.Cases} cases from {files.Count} files in {casesPath}");
            await stdout.WriteAsync(EvalText.Format(report, casesShown, invocation.ShowMisses).AsMemory(), cancellationToken);
            await stdout.FlushAsync(cancellationToken);
        }

        foreach (string failure in report.Failures)
        {
            await stderr.WriteLineAsync($"router eval: FAILED: {failure}".AsMemory(), cancellationToken);
        }

        await stderr.FlushAsync(cancellationToken);
        if (!invocation.Json)
        {
            await stdout.WriteLineAsync(EvalText.ClosingLine(report).AsMemory(), cancellationToken);
        }

        await stdout.FlushAsync(cancellationToken);
        return report.Failures.Count == 0 ? 0 : 1;
    }

    private static string? ProblemWith(EvalThresholds thresholds)
    {
        if (thresholds.MinAccuracy is < 0 or > 1 || double.IsNaN(thresholds.MinAccuracy))
        {
            return $"--min-accuracy is a fraction from 0 to 1 (0.95 for 95%), not {thresholds.MinAccuracy.ToString(CultureInfo.InvariantCulture)}";
        }

        if (thresholds.MaxFalsePrivate is < 0 or > 1 || double.IsNaN(thresholds.MaxFalsePrivate))
        {
            return $"--max-false-private is a fraction from 0 to 1 (0.03 for 3%), not {thresholds.MaxFalsePrivate.ToString(CultureInfo.InvariantCulture)}";
        }

        return thresholds.MaxLeaks < 0 ? "--max-leaks is a number of cases, 0 or more" : null;
    }

    // Misses are listed by id, so an id used twice makes the list ambiguous; the cases are still both scored.
    private static async Task WarnOfDuplicateIdsAsync(IReadOnlyList<EvalCase> cases, TextWriter stderr, CancellationToken cancellationToken)
    {
        Dictionary<string, EvalCase> firstOf = new(StringComparer.Ordinal);
        foreach (EvalCase evalCase in cases)
        {
            if (!firstOf.TryAdd(evalCase.Id, evalCase))
            {
                EvalCase first = firstOf[evalCase.Id];
                await stderr.WriteLineAsync($"{evalCase.File}:{evalCase.LineNumber}: warning: id {evalCase.Id} is also the id of {first.File}:{first.LineNumber}".AsMemory(), cancellationToken);
            }
        }
    }
}

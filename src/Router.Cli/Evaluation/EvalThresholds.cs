using System.Globalization;

namespace Router.Cli.Evaluation;

/// <summary>What a run must reach to exit 0: the options --min-accuracy, --max-leaks and --max-false-private.</summary>
/// <param name="MaxLeaks">Null when any number of leaks is accepted.</param>
internal sealed record EvalThresholds(double MinAccuracy, int? MaxLeaks, double MaxFalsePrivate)
{
    public static EvalThresholds None { get; } = new(0, null, 1.0);

    /// <summary>One sentence per threshold the report misses, and per case that could not be read or routed; empty when the run passes.</summary>
    public IReadOnlyList<string> FailuresOf(EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        EvalTotals totals = report.Overall;
        List<string> failures = [];
        if (totals.TierAccuracy < MinAccuracy)
        {
            failures.Add($"tier accuracy {EvalPercent.Format(totals.TierAccuracy)} is below --min-accuracy {EvalPercent.Format(MinAccuracy)}");
        }

        if (MaxLeaks is { } maxLeaks && totals.Leaks > maxLeaks)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{totals.Leaks} private case(s) leaked, more than --max-leaks {maxLeaks}"));
        }

        if (totals.FalsePrivate > MaxFalsePrivate)
        {
            failures.Add($"false-private {EvalPercent.Format(totals.FalsePrivate)} is above --max-false-private {EvalPercent.Format(MaxFalsePrivate)}");
        }

        if (totals.BadLines > 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{totals.BadLines} case line(s) could not be read"));
        }

        if (totals.RouteErrors > 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{totals.RouteErrors} case(s) could not be routed"));
        }

        return failures;
    }
}

namespace Router.Cli.Evaluation;

/// <summary>Everything `router eval` prints, as text or as one JSON object.</summary>
/// <param name="Passed">Cases right on both tier and privacy.</param>
/// <param name="Failed">Every other case, and every line that was not a usable case.</param>
internal sealed record EvalReport(
    string Config,
    IReadOnlyList<string> Files,
    int Cases,
    int Passed,
    int Failed,
    long ElapsedMilliseconds,
    EvalTotals Overall,
    IReadOnlyList<GroupScore> Categories,
    IReadOnlyList<GroupScore> Languages,
    IReadOnlyList<EvalMiss> Misses,
    IReadOnlyList<BadCaseLine> BadLines)
{
    /// <summary>Why the run fails (thresholds missed, cases unreadable); empty when it passes.</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];
}

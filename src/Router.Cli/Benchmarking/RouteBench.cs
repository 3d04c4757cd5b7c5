namespace Router.Cli.Benchmarking;

/// <summary>One route's results: a tier's task kind on one of its endpoints. Times in milliseconds, rates in tokens a
/// second, shares 0–1; a metric is null when it was not measured (wall-clock-only hosts, no <c>--cold</c>).</summary>
internal sealed record RouteBench(
    string Tier,
    string Kind,
    string Endpoint,
    string Model,
    string Status,
    string? Note,
    int InputTokens,
    int OutputTokens)
{
    public const string Measured = "measured";
    public const string Skipped = "skipped";
    public const string Failed = "failed";

    public MetricSpread? TimeToFirstTokenMs { get; init; }

    /// <summary>Ollama's load_duration + prompt_eval_duration for the same requests.</summary>
    public MetricSpread? HostTimeToFirstTokenMs { get; init; }

    public MetricSpread? TotalMs { get; init; }

    public MetricSpread? PromptTokensPerSecond { get; init; }

    public MetricSpread? GenerationTokensPerSecond { get; init; }

    /// <summary>The share of a repeated prompt the host did not evaluate again.</summary>
    public MetricSpread? PromptCacheHitRate { get; init; }

    /// <summary>Ollama's load_duration after unloading the model (<c>--cold</c>).</summary>
    public MetricSpread? ColdLoadMs { get; init; }

    public MetricSpread? ColdTimeToFirstTokenMs { get; init; }

    /// <summary>Without <c>--cold</c>: the cold load predicted from the model's size and the default load throughput.</summary>
    public double? PredictedColdLoadMs { get; init; }

    public FimProbeResult? FillInTheMiddle { get; init; }

    /// <summary>What the numbers suggest for placement: "keep warm" or "load on demand"; null without a cold figure.</summary>
    public string? Advice { get; init; }
}

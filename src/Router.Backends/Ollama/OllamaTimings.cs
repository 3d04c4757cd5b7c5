namespace Router.Backends.Ollama;

/// <summary>The statistics of an answer's final chunk: token counts, durations and why generation stopped.</summary>
public sealed record OllamaTimings(
    TimeSpan TotalDuration,
    TimeSpan LoadDuration,
    int PromptEvalCount,
    TimeSpan PromptEvalDuration,
    int EvalCount,
    TimeSpan EvalDuration,
    string? DoneReason)
{
    /// <summary>Output speed; null when the server reported no eval time.</summary>
    public double? TokensPerSecond => EvalDuration > TimeSpan.Zero ? EvalCount / EvalDuration.TotalSeconds : null;

    internal static TimeSpan FromNanoseconds(long? nanoseconds) => TimeSpan.FromTicks((nanoseconds ?? 0) / 100);
}

namespace Router.Backends.Providers;

/// <summary>Token counts and timings reported by the server for one answer.</summary>
public sealed record ModelUsage(
    int PromptTokens,
    int OutputTokens,
    TimeSpan TotalDuration,
    TimeSpan LoadDuration,
    TimeSpan PromptEvalDuration,
    TimeSpan EvalDuration);

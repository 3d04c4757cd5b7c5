using Router.Backends.Providers;

namespace Router.Cli.Benchmarking;

/// <summary>One request's answer as measured here: wall-clock time to the first token and to the end, the text, and the
/// host's own usage and timings when it reports them.</summary>
internal sealed record BenchSample(TimeSpan FirstToken, TimeSpan Total, string Text, ModelUsage? Usage);

using Router.Core.Requests;

namespace Router.Cli.Benchmarking;

/// <summary>What `router bench` was asked: the configuration, the tiers named (null: every tier, cloud endpoints left
/// out), repetitions, whether to measure cold loads, JSON or text, and how long one request may take.</summary>
internal sealed record BenchInvocation(
    string? ConfigPath,
    IReadOnlyList<Tier>? Tiers,
    int Repetitions,
    bool Cold,
    bool Json,
    TimeSpan RequestTimeout);

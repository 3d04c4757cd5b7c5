namespace Router.Cli.Benchmarking;

/// <summary>What `router bench` measured in one run, per route, with the fingerprint of every host it reached.</summary>
internal sealed record BenchReport(
    string RunId,
    DateTimeOffset StartedAt,
    string Config,
    int Repetitions,
    bool Cold,
    string? Ledger,
    IReadOnlyList<HostFingerprint> Hosts,
    IReadOnlyList<RouteBench> Routes,
    IReadOnlyList<string> Notes);

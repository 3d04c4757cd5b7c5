namespace Router.Cli.Benchmarking;

/// <summary>The hardware and software one endpoint ran on, as far as its API reveals them: the machine's name, the server's
/// version (Ollama's <c>/api/version</c>) and each benchmarked model. Timings from it are the host's own only when
/// <see cref="HostTimings"/> is true (Ollama); otherwise they are wall clock seen from here.</summary>
internal sealed record HostFingerprint(
    string Endpoint,
    string Host,
    string Api,
    bool Cloud,
    bool HostTimings,
    string? Version,
    IReadOnlyList<ModelFingerprint> Models,
    string? Problem);

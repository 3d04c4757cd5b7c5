namespace Router.Runtime.Benchmarks;

/// <summary>One metric of one route in one `router bench` run: its median and spread (min–max) over the repetitions.</summary>
/// <param name="RunId">The run it came from; every row of a run shares it.</param>
/// <param name="At">When the run started.</param>
/// <param name="Host">The host's name as the machine knows it (the endpoint URL's host).</param>
/// <param name="Endpoint">The configuration's endpoint name.</param>
/// <param name="Digest">The model's digest as the host reports it; null when the host does not say (OpenAI-compatible, cloud).</param>
/// <param name="ModelBytes">The model's size on disk, for load throughput; null when unknown.</param>
/// <param name="Tier">The tier's name, e.g. "code".</param>
/// <param name="TaskKind">The task shape, e.g. "completion".</param>
/// <param name="Metric">The metric's name, e.g. "ttft_ms" (see <see cref="BenchMetrics"/>).</param>
public sealed record BenchMeasurement(
    string RunId,
    DateTimeOffset At,
    string Host,
    string Endpoint,
    string Model,
    string? Digest,
    long? ModelBytes,
    string Tier,
    string TaskKind,
    string Metric,
    double Median,
    double Low,
    double High,
    int Samples);

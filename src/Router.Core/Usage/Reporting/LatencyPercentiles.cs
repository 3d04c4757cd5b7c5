namespace Router.Core.Usage.Reporting;

/// <summary>Time to first token and total latency of one tier and model, in milliseconds, by the nearest-rank percentile;
/// null where no request of it measured that time.</summary>
/// <param name="Requests">Requests with a measured latency.</param>
public sealed record LatencyPercentiles(
    string Tier,
    string Model,
    int Requests,
    double? FirstTokenP50Ms,
    double? FirstTokenP95Ms,
    double? LatencyP50Ms,
    double? LatencyP95Ms);

namespace Router.Bench;

/// <summary>One store's timings in microseconds: each request's path, each row written alone, each row of a batch.</summary>
internal sealed record LedgerWriteMeasurement(double[] Path, double[] Alone, double[] Batched);

using Router.Runtime.Benchmarks;

namespace Router.Cli.Benchmarking;

/// <summary>A run's measured routes as the rows the usage ledger's database keeps, one per route and metric.</summary>
internal static class BenchRows
{
    public static IReadOnlyList<BenchMeasurement> From(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        List<BenchMeasurement> rows = [];
        foreach (RouteBench route in report.Routes.Where(r => r.Status == RouteBench.Measured))
        {
            HostFingerprint? host = report.Hosts.FirstOrDefault(h => h.Endpoint == route.Endpoint);
            ModelFingerprint? model = host?.Models.FirstOrDefault(m => Runtime.Inventory.OllamaModelName.SameModel(m.Name, route.Model));
            void Add(string metric, MetricSpread? spread)
            {
                if (spread is not null)
                {
                    rows.Add(new BenchMeasurement(
                        report.RunId, report.StartedAt, host?.Host ?? route.Endpoint, route.Endpoint, route.Model, model?.Digest, model?.SizeBytes,
                        route.Tier, route.Kind, metric, spread.Median, spread.Low, spread.High, spread.Samples));
                }
            }

            Add(BenchMetrics.TimeToFirstTokenMs, route.TimeToFirstTokenMs);
            Add(BenchMetrics.HostTimeToFirstTokenMs, route.HostTimeToFirstTokenMs);
            Add(BenchMetrics.TotalMs, route.TotalMs);
            Add(BenchMetrics.PromptTokensPerSecond, route.PromptTokensPerSecond);
            Add(BenchMetrics.GenerationTokensPerSecond, route.GenerationTokensPerSecond);
            Add(BenchMetrics.PromptCacheHitRate, route.PromptCacheHitRate);
            Add(BenchMetrics.ColdLoadMs, route.ColdLoadMs);
            Add(BenchMetrics.ColdTimeToFirstTokenMs, route.ColdTimeToFirstTokenMs);
            if (route.FillInTheMiddle is { } fim)
            {
                Add(BenchMetrics.FimExactMatch, new MetricSpread(fim.ExactMatch, fim.ExactMatch, fim.ExactMatch, fim.Tasks));
                Add(BenchMetrics.FimEditSimilarity, new MetricSpread(fim.EditSimilarity, fim.EditSimilarity, fim.EditSimilarity, fim.Tasks));
            }
        }

        return rows;
    }
}

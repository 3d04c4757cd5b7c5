using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;
using Perfolizer.Mathematics.OutlierDetection;

namespace Router.Bench;

/// <summary>Times every decision on its own (one call per iteration, no outliers dropped), so the median and the
/// 99th percentile are those of single decisions, as an editor would see them, not of batch averages. No forced
/// collections between calls: the pauses a decision's garbage causes count in its tail.</summary>
public sealed class DecisionBenchmarkConfig : ManualConfig
{
    /// <summary>Single decisions measured per benchmark case.</summary>
    public const int Decisions = 2000;

    public DecisionBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithId("PerDecision")
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(200)
            .WithIterationCount(Decisions)
            .WithOutlierMode(OutlierMode.DontRemove)
            .WithGcForce(false));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, new P99Column(), StatisticColumn.Max);
        AddDiagnoser(MemoryDiagnoser.Default);
        WithSummaryStyle(BenchmarkDotNet.Reports.SummaryStyle.Default.WithTimeUnit(TimeUnit.Microsecond));
    }
}

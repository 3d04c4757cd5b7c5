using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;
using Perfolizer.Mathematics.OutlierDetection;

namespace Router.Bench;

/// <summary>Times every decision on its own (job PerDecision: one call per iteration, no outliers dropped), so the median
/// and the 99th percentile are those of single decisions, as an editor would see them, not of batch averages. No forced
/// collections between calls: the pauses a decision's garbage causes count in its tail. Job Batched gives the mean and
/// the bytes allocated per decision.</summary>
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

        // Batches of calls for the mean and the allocated bytes, which one call per iteration is too short to show.
        AddJob(Job.Default
            .WithId("Batched")
            .WithWarmupCount(3)
            .WithIterationCount(15));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, new P99Column(), StatisticColumn.Max);
        AddDiagnoser(MemoryDiagnoser.Default);
        WithSummaryStyle(BenchmarkDotNet.Reports.SummaryStyle.Default.WithTimeUnit(TimeUnit.Microsecond));
    }
}

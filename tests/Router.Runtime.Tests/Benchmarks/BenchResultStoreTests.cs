using Microsoft.Data.Sqlite;
using Router.Core.Requests;
using Router.Core.Usage;
using Router.Runtime.Benchmarks;
using Router.Runtime.Placement;
using Router.Runtime.Tests.Usage;
using Router.Runtime.Usage;

namespace Router.Runtime.Tests.Benchmarks;

/// <summary>`router bench` results in the usage ledger's database: a table of their own, migrated by their own version,
/// read back by placement as each host's load throughput.</summary>
public sealed class BenchResultStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static BenchMeasurement Row(string run, string model, string metric, double median, long? bytes = 8_000_000_000, DateTimeOffset? at = null) =>
        new(run, at ?? At, "gpu-box", "gpu", model, "d9316f5ebed6", bytes, "code", "completion", metric, median, median * 0.9, median * 1.1, 3);

    [Fact]
    public async Task A_run_is_read_back_as_it_was_stored_beside_the_ledgers_own_requests()
    {
        using LedgerFolder folder = new();
        await using (UsageLedger ledger = await UsageLedger.OpenAsync(folder.Database))
        {
            ledger.Append(new UsageRecord(
                "r1", At, RequestKind.Completion, Tier.Code, "qwen2.5-coder:14b", "gpu", IsCloud: false, "python", 1500, 32,
                TokensEstimated: false, TimeSpan.FromMilliseconds(140), TimeSpan.FromSeconds(1), null, UsageOutcome.Answered,
                FellBack: false, Escalated: false, AcceptedCharacters: null, CostUsd: 0, "kind completion"));
            await ledger.FlushAsync(CancellationToken.None);
        }

        BenchResultStore store = await BenchResultStore.OpenAsync(folder.Database, CancellationToken.None);
        await store.SaveAsync([Row("run1", "qwen2.5-coder:14b", BenchMetrics.TimeToFirstTokenMs, 140), Row("run1", "qwen2.5-coder:14b", BenchMetrics.ColdLoadMs, 8900)], CancellationToken.None);

        IReadOnlyList<BenchMeasurement> rows = await store.ReadSinceAsync(At.AddDays(-1), CancellationToken.None);
        Assert.Equal(2, rows.Count);
        Assert.Contains(Row("run1", "qwen2.5-coder:14b", BenchMetrics.ColdLoadMs, 8900), rows);

        // The ledger opens the same file again and still has its request.
        await using UsageLedger again = await UsageLedger.OpenAsync(folder.Database);
        List<UsageRecord> requests = [];
        await foreach (UsageRecord record in again.ReadSinceAsync(At.AddDays(-1), CancellationToken.None))
        {
            requests.Add(record);
        }

        Assert.Equal("r1", Assert.Single(requests).RequestId);
    }

    [Fact]
    public async Task Opening_twice_migrates_once_and_keeps_the_rows()
    {
        using LedgerFolder folder = new();
        BenchResultStore first = await BenchResultStore.OpenAsync(folder.Database, CancellationToken.None);
        await first.SaveAsync([Row("run1", "m", BenchMetrics.TotalMs, 1000)], CancellationToken.None);

        BenchResultStore second = await BenchResultStore.OpenAsync(folder.Database, CancellationToken.None);

        Assert.Single(await second.ReadSinceAsync(At.AddDays(-1), CancellationToken.None));
    }

    [Fact]
    public async Task Results_of_a_newer_router_are_refused_with_what_to_do()
    {
        using LedgerFolder folder = new();
        await BenchResultStore.OpenAsync(folder.Database, CancellationToken.None);
        await using (SqliteConnection connection = new($"Data Source={folder.Database}"))
        {
            await connection.OpenAsync();
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "UPDATE meta SET value = '99' WHERE key = 'bench_schema'";
            await command.ExecuteNonQueryAsync();
        }

        BenchStoreException error = await Assert.ThrowsAsync<BenchStoreException>(() => BenchResultStore.OpenAsync(folder.Database, CancellationToken.None));

        Assert.Contains("bench schema 99", error.Message, StringComparison.Ordinal);
        Assert.Contains("update router", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_latest_cold_load_of_each_model_gives_its_host_a_load_throughput()
    {
        using LedgerFolder folder = new();
        BenchResultStore store = await BenchResultStore.OpenAsync(folder.Database, CancellationToken.None);

        // An old run at 2 GB/s, then the latest at 1 GB/s (8 GB in 8 s): the latest stands.
        await store.SaveAsync([Row("old", "big", BenchMetrics.ColdLoadMs, 4000, at: At.AddDays(-2))], CancellationToken.None);
        await store.SaveAsync([Row("new", "big", BenchMetrics.ColdLoadMs, 8000), Row("new", "big", BenchMetrics.TimeToFirstTokenMs, 150)], CancellationToken.None);
        LoadThroughputBook loads = new();

        int noted = await store.NoteColdLoadsAsync(loads, At.AddDays(-30), CancellationToken.None);

        Assert.Equal(1, noted);
        Assert.Equal(1e9, loads.BytesPerSecond("gpu")!.Value, 0);
        Assert.Equal(TimeSpan.FromSeconds(4), loads.Predict("gpu", 4_000_000_000));
        Assert.Null(loads.BytesPerSecond("laptop"));
    }
}

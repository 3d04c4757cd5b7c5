using Npgsql;
using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Core.Usage;
using Router.Runtime.Budget;
using Router.Runtime.Budget.Postgres;
using Router.Runtime.Tests.Usage;
using Router.Runtime.Usage;
using Router.Runtime.Usage.Postgres;

namespace Router.Runtime.Tests.Postgres;

[Collection(PostgresTests.Name)]
public sealed class PostgresUsageLedgerTests(PostgresCluster cluster) : IDisposable
{
    private readonly LedgerFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Spool => Path.Combine(_folder.Path, "ledger-spool");

    private Task<PostgresUsageLedger> OpenAsync(string connection) =>
        PostgresUsageLedger.OpenAsync(connection, new PostgresLedgerOptions(Spool) { RetryInterval = TimeSpan.FromMilliseconds(200) });

    [Fact]
    public async Task Migrations_run_once_when_many_routers_start_together()
    {
        string connection = await cluster.CreateDatabaseAsync();
        List<NpgsqlDataSource> sources = [.. Enumerable.Range(0, 8).Select(_ => NpgsqlDataSource.Create(connection))];

        IReadOnlyList<int>[] applied = await Task.WhenAll(sources.Select(s => PostgresMigrator.MigrateAsync(s, CancellationToken.None)));

        List<int> all = [.. applied.SelectMany(a => a)];
        Assert.Equal(PostgresLedgerSchema.Migrations.Select(m => m.Version), all.Order());
        await using NpgsqlCommand count = sources[0].CreateCommand("SELECT count(*) FROM router_schema");
        Assert.Equal((long)PostgresLedgerSchema.Migrations.Count, await count.ExecuteScalarAsync());
        foreach (NpgsqlDataSource source in sources)
        {
            await source.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_row_booked_twice_is_stored_once_and_its_later_outcome_is_read_back()
    {
        await using PostgresUsageLedger ledger = await OpenAsync(await cluster.CreateDatabaseAsync());
        DateTimeOffset at = DateTimeOffset.UtcNow.AddMinutes(-1);

        Assert.True(ledger.Append(UsageLedgerTests.Record("r-1", at)));
        Assert.True(ledger.Append(UsageLedgerTests.Record("r-1", at)));
        Assert.True(ledger.Append(UsageLedgerTests.Record("r-2", at, cost: 0.25m)));
        Assert.True(ledger.UpdateOutcome("r-1", UsageOutcome.Accepted, 17));
        await ledger.FlushAsync(CancellationToken.None);

        List<UsageRecord> records = await ReadAllAsync(ledger);
        Assert.Equal(["r-1", "r-2"], records.Select(r => r.RequestId).Order());
        UsageRecord accepted = records.Single(r => r.RequestId == "r-1");
        Assert.Equal((UsageOutcome.Accepted, (int?)17), (accepted.Outcome, accepted.AcceptedCharacters));
        Assert.Equal(0.25m, records.Single(r => r.RequestId == "r-2").CostUsd);
        Assert.Equal(TimeSpan.FromMilliseconds(420), accepted.Latency);
        Assert.Equal(0, ledger.Dropped);
    }

    [Fact]
    public async Task Rows_are_booked_for_the_user_the_router_runs_for_unless_they_name_one()
    {
        await using PostgresUsageLedger ledger = await PostgresUsageLedger.OpenAsync(
            await cluster.CreateDatabaseAsync(), new PostgresLedgerOptions(Spool) { User = "alice" });
        DateTimeOffset at = DateTimeOffset.UtcNow.AddMinutes(-1);

        Assert.True(ledger.Append(UsageLedgerTests.Record("mine", at)));
        Assert.True(ledger.Append(UsageLedgerTests.Record("named", at) with { User = "bob" }));
        await ledger.FlushAsync(CancellationToken.None);

        Assert.Equal([("mine", "alice"), ("named", "bob")], (await ReadAllAsync(ledger)).Select(r => (r.RequestId, r.User)).Order());
    }

    [Fact]
    public async Task Stopping_postgres_mid_run_loses_nothing_counts_nothing_twice_and_bookings_never_wait()
    {
        string connection = await cluster.CreateDatabaseAsync();
        await using PostgresUsageLedger ledger = await OpenAsync(connection);
        await using PostgresCloudBudget budget = new(ledger.DataSource, leases: new PostgresBudgetOptions { LeaseRequests = 4, LeaseShareOfDay = 0 });
        BudgetConfig limits = new(100, 0);
        const int Rows = 300;
        List<string> refusals = [];
        int granted = 0;
        for (int i = 0; i < Rows; i++)
        {
            if (i == 100)
            {
                await ledger.FlushAsync(CancellationToken.None);
                await cluster.HaltAsync();
            }
            else if (i == 200)
            {
                await cluster.ResumeAsync();
            }

            BudgetReservation reservation = await budget.ReserveAsync(new BudgetClaim("cloud", Tier.Frontier, 0.01m, limits), CancellationToken.None);
            if (reservation.Granted)
            {
                granted++;
                await budget.SettleAsync(reservation, 0.01m, CancellationToken.None);
            }
            else
            {
                refusals.Add(reservation.Refusal!);
            }

            Assert.True(ledger.Append(UsageLedgerTests.Record($"r-{i}", DateTimeOffset.UtcNow, cost: reservation.Granted ? 0.01m : 0)), $"row {i} was not queued");
            await Task.Delay(2);
        }

        await WaitUntilAsync(() => !ledger.Away && ledger.SentFromSpool > 0, TimeSpan.FromSeconds(30));
        await ledger.FlushAsync(CancellationToken.None);

        List<UsageRecord> records = await ReadAllAsync(ledger);
        Assert.Equal(Rows, records.Count);
        Assert.Equal(Rows, records.Select(r => r.RequestId).Distinct().Count());
        Assert.Equal(0, ledger.Dropped);

        // While the server was away, only the lease already held could be spent, then the rule said no.
        Assert.NotEmpty(refusals);
        Assert.All(refusals, r => Assert.Contains("the team budget cannot be checked", r, StringComparison.Ordinal));
        Assert.InRange(refusals.Count, 100 - 4, 100);
        Assert.Equal(Rows - refusals.Count, granted);
    }

    [Fact]
    public async Task Rows_spooled_by_a_router_that_stopped_while_postgres_was_away_are_sent_by_the_next_one()
    {
        string connection = await cluster.CreateDatabaseAsync();
        using (LedgerSpool left = new(Spool, 1 << 20))
        {
            DateTimeOffset at = DateTimeOffset.UtcNow.AddMinutes(-5);
            Assert.Equal(2, left.Append([
                new SpooledWrite(UsageLedgerTests.Record("left-1", at), null, UsageOutcome.Answered, null),
                new SpooledWrite(UsageLedgerTests.Record("left-2", at), null, UsageOutcome.Answered, null),
            ]));
        }

        await using PostgresUsageLedger ledger = await OpenAsync(connection);
        await WaitUntilAsync(() => ledger.SentFromSpool == 2, TimeSpan.FromSeconds(10));

        Assert.Equal(["left-1", "left-2"], (await ReadAllAsync(ledger)).Select(r => r.RequestId).Order());
        Assert.DoesNotContain(Directory.EnumerateFiles(Spool, "*.jsonl"), f => new FileInfo(f).Length > 0);
    }

    [Fact]
    public void A_full_spool_refuses_what_does_not_fit()
    {
        using LedgerSpool spool = new(Spool, 1000);
        List<SpooledWrite> writes = [.. Enumerable.Range(0, 10).Select(i =>
            new SpooledWrite(UsageLedgerTests.Record($"r-{i}", DateTimeOffset.UtcNow), null, UsageOutcome.Answered, null))];

        int stored = spool.Append(writes);

        Assert.InRange(stored, 1, 9);
        Assert.True(spool.PendingBytes <= 1000);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition, TimeSpan patience)
    {
        DateTimeOffset end = DateTimeOffset.UtcNow + patience;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < end, "the condition did not come true in time");
            await Task.Delay(50);
        }
    }

    private static async Task<List<UsageRecord>> ReadAllAsync(PostgresUsageLedger ledger)
    {
        List<UsageRecord> records = [];
        await foreach (UsageRecord record in ledger.ReadSinceAsync(DateTimeOffset.UtcNow.AddDays(-1), CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }
}

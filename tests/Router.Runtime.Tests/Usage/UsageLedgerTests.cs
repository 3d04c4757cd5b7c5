using Router.Core.Configuration;
using Microsoft.Data.Sqlite;
using Router.Core.Requests;
using Router.Core.Usage;
using Router.Runtime.Budget;
using Router.Runtime.Usage;

namespace Router.Runtime.Tests.Usage;

public sealed class UsageLedgerTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private readonly LedgerFolder _folder = new();
    private readonly Budget.ManualClock _clock = new(Noon, TimeZoneInfo.Utc);

    public void Dispose() => _folder.Dispose();

    private Task<UsageLedger> OpenAsync(int retentionDays = 90, TimeSpan? busy = null) =>
        UsageLedger.OpenAsync(
            _folder.Database,
            new UsageLedgerOptions(retentionDays) { Clock = _clock, BusyTimeout = busy ?? TimeSpan.FromSeconds(5) },
            cancellationToken: CancellationToken.None);

    internal static UsageRecord Record(string id, DateTimeOffset at, Tier tier = Tier.Code, string model = "qwen2.5-coder:14b", string language = "python",
        UsageOutcome outcome = UsageOutcome.Shown, decimal cost = 0, TimeSpan? latency = null) => new(
        id, at, RequestKind.Completion, tier, model, "gpu-box", false, language, 812, 23, false,
        TimeSpan.FromMilliseconds(180), latency ?? TimeSpan.FromMilliseconds(420), null, outcome, false, false, null, cost, "code signal");

    private static async Task<List<UsageRecord>> ReadAllAsync(UsageLedger ledger, DateTimeOffset since)
    {
        List<UsageRecord> records = [];
        await foreach (UsageRecord record in ledger.ReadSinceAsync(since, CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }

    [Fact]
    public async Task A_booked_request_reads_back_with_every_count_timing_and_outcome()
    {
        UsageRecord booked = new(
            "req-1", Noon, RequestKind.Refactor, Tier.Frontier, "claude-sonnet", "anthropic", true, "csharp", 5400, 1200, true,
            TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(7.5), TimeSpan.FromSeconds(3.25), UsageOutcome.Answered, true, true, null,
            0.034200000m, "wide refactor; no continuity");
        await using (UsageLedger ledger = await OpenAsync())
        {
            Assert.True(ledger.Append(booked));
        }

        await using UsageLedger reopened = await OpenAsync();
        UsageRecord read = Assert.Single(await ReadAllAsync(reopened, Noon.AddDays(-1)));
        Assert.Equal(booked, read);
    }

    [Fact]
    public async Task Reading_since_a_time_leaves_out_older_requests()
    {
        await using UsageLedger ledger = await OpenAsync();
        ledger.Append(Record("old", Noon.AddDays(-8)));
        ledger.Append(Record("new", Noon.AddDays(-1)));
        await ledger.FlushAsync(CancellationToken.None);

        Assert.Equal(["new"], (await ReadAllAsync(ledger, Noon.AddDays(-7))).Select(r => r.RequestId));
    }

    [Fact]
    public async Task An_accepted_completion_is_booked_on_its_row_and_in_the_days_rollup()
    {
        await using UsageLedger ledger = await OpenAsync();
        ledger.Append(Record("shown-1", Noon));
        ledger.Append(Record("shown-2", Noon));
        ledger.UpdateOutcome("shown-1", UsageOutcome.Accepted, 17);
        ledger.UpdateOutcome("shown-2", UsageOutcome.Dismissed);
        ledger.UpdateOutcome("never-booked", UsageOutcome.Accepted, 5);
        await ledger.FlushAsync(CancellationToken.None);

        List<UsageRecord> rows = await ReadAllAsync(ledger, Noon.AddHours(-1));
        Assert.Equal((UsageOutcome.Accepted, (int?)17), (rows.Single(r => r.RequestId == "shown-1").Outcome, rows.Single(r => r.RequestId == "shown-1").AcceptedCharacters));
        Assert.Equal(UsageOutcome.Dismissed, rows.Single(r => r.RequestId == "shown-2").Outcome);
        UsageRollup day = Assert.Single(await ledger.ReadRollupsAsync(new DateOnly(2026, 12, 6), CancellationToken.None));
        Assert.Equal((2, 0, 1, 1, 17L), (day.Requests, day.Shown, day.Accepted, day.Dismissed, day.AcceptedCharacters));
    }

    [Fact]
    public async Task Daily_rollups_add_up_per_tier_model_and_language()
    {
        await using UsageLedger ledger = await OpenAsync();
        ledger.Append(Record("a", Noon, latency: TimeSpan.FromMilliseconds(100)));
        ledger.Append(Record("b", Noon.AddHours(1), latency: TimeSpan.FromMilliseconds(300)));
        ledger.Append(Record("c", Noon, language: "rust"));
        ledger.Append(Record("d", Noon, tier: Tier.Frontier, model: "claude", cost: 0.25m, outcome: UsageOutcome.Answered));
        ledger.Append(Record("e", Noon.AddDays(-1)));
        await ledger.FlushAsync(CancellationToken.None);

        IReadOnlyList<UsageRollup> rollups = await ledger.ReadRollupsAsync(new DateOnly(2026, 12, 6), CancellationToken.None);

        Assert.Equal(3, rollups.Count);
        UsageRollup python = rollups.Single(r => r is { Tier: Tier.Code, Language: "python" });
        Assert.Equal((2, 1624L, 46L, TimeSpan.FromMilliseconds(400)), (python.Requests, python.InputTokens, python.OutputTokens, python.Latency));
        Assert.Equal(0.25m, rollups.Single(r => r.Tier == Tier.Frontier).CostUsd);
    }

    [Fact]
    public async Task Rollups_stay_right_across_many_batches_of_every_outcome()
    {
        // The writer keeps its statements from one transaction to the next: each batch must still land in its own.
        UsageOutcome[] outcomes = [UsageOutcome.Answered, UsageOutcome.Failed, UsageOutcome.Cancelled, UsageOutcome.Shown];
        await using UsageLedger ledger = await OpenAsync();
        for (int batch = 0; batch < 5; batch++)
        {
            foreach (UsageOutcome outcome in outcomes)
            {
                ledger.Append(Record($"{batch}-{outcome}", Noon, outcome: outcome));
            }

            await ledger.FlushAsync(CancellationToken.None);
        }

        UsageRollup day = Assert.Single(await ledger.ReadRollupsAsync(new DateOnly(2026, 12, 6), CancellationToken.None));
        Assert.Equal((20, 5, 5, 5, 5), (day.Requests, day.Answered, day.Failed, day.Cancelled, day.Shown));
        Assert.Equal(20, (await ReadAllAsync(ledger, Noon.AddDays(-1))).Count);
    }

    [Fact]
    public async Task Rows_booked_one_after_another_are_stored_without_a_flush_and_none_is_lost_on_close()
    {
        await using (UsageLedger ledger = await OpenAsync())
        {
            for (int i = 0; i < 50; i++)
            {
                Assert.True(ledger.Append(Record($"r{i}", Noon)));
                await Task.Yield();
            }
        }

        await using UsageLedger reopened = await OpenAsync();
        Assert.Equal(50, (await ReadAllAsync(reopened, Noon.AddDays(-1))).Count);
        Assert.Equal(50, Assert.Single(await reopened.ReadRollupsAsync(new DateOnly(2026, 12, 6), CancellationToken.None)).Requests);
    }

    [Fact]
    public async Task Rows_older_than_the_retention_are_deleted()
    {
        await using UsageLedger ledger = await OpenAsync(retentionDays: 7);
        ledger.Append(Record("kept", Noon.AddDays(-6)));
        ledger.Append(Record("expired", Noon.AddDays(-8)));
        await ledger.FlushAsync(CancellationToken.None);

        Assert.Equal(["kept"], (await ReadAllAsync(ledger, Noon.AddYears(-1))).Select(r => r.RequestId));
    }

    [Fact]
    public async Task The_same_request_booked_twice_counts_once()
    {
        await using UsageLedger ledger = await OpenAsync();
        ledger.Append(Record("twice", Noon));
        ledger.Append(Record("twice", Noon));
        await ledger.FlushAsync(CancellationToken.None);

        Assert.Single(await ReadAllAsync(ledger, Noon.AddDays(-1)));
        Assert.Equal(1, Assert.Single(await ledger.ReadRollupsAsync(new DateOnly(2026, 12, 6), CancellationToken.None)).Requests);
    }

    [Fact]
    public async Task A_ledger_whose_file_cannot_be_opened_counts_its_rows_as_dropped_and_never_throws()
    {
        string blocked = Path.Combine(_folder.Path, "not-a-folder");
        await File.WriteAllTextAsync(blocked, "a file where the ledger's folder should be");

        await using UsageLedger ledger = await UsageLedger.OpenAsync(Path.Combine(blocked, "usage.db"), cancellationToken: CancellationToken.None);

        Assert.NotNull(ledger.Warning);
        Assert.False(ledger.Append(Record("lost", Noon)));
        await ledger.FlushAsync(CancellationToken.None);
        Assert.Equal(1, ledger.Dropped);
    }

    [Fact]
    public async Task A_database_locked_by_another_process_drops_the_batch_and_requests_go_on()
    {
        await using UsageLedger ledger = await OpenAsync(busy: TimeSpan.FromMilliseconds(200));
        await using SqliteConnection other = new($"Data Source={_folder.Database}");
        await other.OpenAsync();
        await using (SqliteCommand exclusive = other.CreateCommand())
        {
            exclusive.CommandText = "BEGIN EXCLUSIVE";
            await exclusive.ExecuteNonQueryAsync();
        }

        Assert.True(ledger.Append(Record("while-locked", Noon)));
        await ledger.FlushAsync(CancellationToken.None);
        Assert.Equal(1, ledger.Dropped);

        await using (SqliteCommand release = other.CreateCommand())
        {
            release.CommandText = "ROLLBACK";
            await release.ExecuteNonQueryAsync();
        }

        ledger.Append(Record("after", Noon));
        await ledger.FlushAsync(CancellationToken.None);
        Assert.Equal(["after"], (await ReadAllAsync(ledger, Noon.AddDays(-1))).Select(r => r.RequestId));
    }

    [Fact]
    public async Task The_database_is_in_write_ahead_log_mode()
    {
        await using UsageLedger ledger = await OpenAsync();
        await using SqliteConnection connection = new($"Data Source={_folder.Database}");
        await connection.OpenAsync();
        await using SqliteCommand mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", await mode.ExecuteScalarAsync() as string);
    }

    [Fact]
    public async Task A_gateway_key_and_a_user_read_back_with_their_request()
    {
        UsageRecord booked = new(
            "req-key", Noon, RequestKind.Chat, Tier.Quick, "qwen2.5:3b", "box", false, "", 200, 400, false,
            TimeSpan.FromMilliseconds(90), TimeSpan.FromSeconds(2), null, UsageOutcome.Answered, false, false, null, 0m, "kind chat")
        {
            Key = "ci-bot",
            User = "u-5f2a",
        };
        await using (UsageLedger ledger = await OpenAsync())
        {
            Assert.True(ledger.Append(booked));
        }

        await using UsageLedger reopened = await OpenAsync();
        UsageRecord read = Assert.Single(await ReadAllAsync(reopened, Noon.AddDays(-1)));
        Assert.Equal(("ci-bot", "u-5f2a"), (read.Key, read.User));
    }

    [Fact]
    public async Task A_ledger_made_by_the_first_schema_is_migrated_and_keeps_its_rows_and_spend()
    {
        await using (SqliteConnection old = new($"Data Source={_folder.Database}"))
        {
            await old.OpenAsync();
            await using SqliteCommand create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT INTO meta VALUES('schema', '1');
                CREATE TABLE requests(request_id TEXT PRIMARY KEY, at_ticks INTEGER NOT NULL, day TEXT NOT NULL, kind TEXT NOT NULL,
                    tier TEXT NOT NULL, model TEXT NOT NULL, endpoint TEXT NOT NULL, is_cloud INTEGER NOT NULL, language TEXT NOT NULL,
                    input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL, tokens_estimated INTEGER NOT NULL, ttft_ticks INTEGER,
                    latency_ticks INTEGER, cold_load_ticks INTEGER, outcome TEXT NOT NULL, fell_back INTEGER NOT NULL,
                    escalated INTEGER NOT NULL, accepted_chars INTEGER, cost_nano INTEGER NOT NULL, reasons TEXT NOT NULL);
                INSERT INTO requests VALUES('old', $at, '2026-12-06', 'chat', 'quick', 'qwen2.5:3b', 'box', 0, '', 10, 20, 0,
                    NULL, NULL, NULL, 'answered', 0, 0, NULL, 0, 'kind chat');
                CREATE TABLE spend(day TEXT NOT NULL, endpoint TEXT NOT NULL, tier TEXT NOT NULL, cost_nano INTEGER NOT NULL,
                    requests INTEGER NOT NULL, PRIMARY KEY(day, endpoint, tier));
                INSERT INTO spend VALUES('2026-12-06', 'claude', 'frontier', 250000000, 1);
                CREATE TABLE reservations(id TEXT PRIMARY KEY, day TEXT NOT NULL, cost_nano INTEGER NOT NULL, expires_ticks INTEGER NOT NULL);
                """;
            create.Parameters.AddWithValue("$at", Noon.UtcTicks);
            await create.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        await using UsageLedger ledger = await OpenAsync();
        Assert.Null(ledger.Warning);
        Assert.True(ledger.Append(new UsageRecord(
            "new", Noon, RequestKind.Chat, Tier.Quick, "qwen2.5:3b", "box", false, "", 10, 20, false, null, null, null,
            UsageOutcome.Answered, false, false, null, 0m, "kind chat") { Key = "ci-bot" }));
        await ledger.FlushAsync(CancellationToken.None);
        Assert.Equal(0, ledger.Dropped);

        List<UsageRecord> read = await ReadAllAsync(ledger, Noon.AddDays(-1));
        Assert.Equal([("new", "ci-bot"), ("old", null)], read.Select(r => (r.RequestId, r.Key)).Order());
        Assert.Equal(0.25m, (await ledger.Budget.RefreshAsync(CancellationToken.None)).SpentToday);
        BudgetReservation scoped = await ledger.Budget.ReserveAsync(
            new BudgetClaim("claude", Tier.Frontier, 0.10m, new BudgetConfig(1, 0), new BudgetScope("key:ci-bot", 1m)), CancellationToken.None);
        Assert.True(scoped.Granted);
    }
}

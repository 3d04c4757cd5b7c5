using Router.Core.Requests;
using Router.Runtime.Budget;

namespace Router.Runtime.Tests.Budget;

public sealed class SpendLedgerTests : IDisposable
{
    // Two hours ahead of UTC, so the local date and the UTC date differ in the evening.
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.CreateCustomTimeZone("test+2", TimeSpan.FromHours(2), "test+2", "test+2");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "router-spend-" + Guid.NewGuid().ToString("N"));
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 14, 10, 0, 0, TimeSpan.FromHours(2)), Zone);

    private string FilePath => Path.Combine(_directory, "state", "spend.json");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private Task<SpendLedger> OpenAsync() => SpendLedger.OpenAsync(FilePath, _clock, cancellationToken: CancellationToken.None);

    [Fact]
    public async Task New_ledger_without_a_file_has_spent_nothing()
    {
        using SpendLedger ledger = await OpenAsync();

        Assert.Equal(0, ledger.SpentToday());
        Assert.Null(ledger.Warning);
        Assert.Empty(ledger.RecentDays());
    }

    [Fact]
    public async Task Spend_persists_across_a_new_instance_on_the_same_file()
    {
        using (SpendLedger first = await OpenAsync())
        {
            await first.AddAsync("claude", Tier.Frontier, 0.25, CancellationToken.None);
            await first.AddAsync("openai", Tier.Frontier, 0.50, CancellationToken.None);
        }

        using SpendLedger second = await OpenAsync();

        Assert.Equal(0.75, second.SpentToday());
        DailySpend today = Assert.Single(second.RecentDays());
        Assert.Equal(new DateOnly(2026, 3, 14), today.Date);
        Assert.Equal(2, today.Requests);
        Assert.Equal(0.25, today.ByEndpoint["claude"]);
        Assert.Equal(0.75, today.ByTier["frontier"]);
        Assert.Null(second.Warning);
    }

    [Fact]
    public async Task Spend_resets_at_local_midnight_and_the_day_before_is_kept()
    {
        using SpendLedger ledger = await OpenAsync();
        _clock.Now = new DateTimeOffset(2026, 3, 14, 23, 59, 0, TimeSpan.FromHours(2));
        await ledger.AddAsync("claude", Tier.Frontier, 4.00, CancellationToken.None);
        Assert.Equal(4.00, ledger.SpentToday());

        _clock.Now = new DateTimeOffset(2026, 3, 15, 0, 1, 0, TimeSpan.FromHours(2));

        Assert.Equal(0, ledger.SpentToday());
        await ledger.AddAsync("claude", Tier.Frontier, 0.10, CancellationToken.None);
        Assert.Equal(0.10, ledger.SpentToday());
        Assert.Equal([new DateOnly(2026, 3, 15), new DateOnly(2026, 3, 14)], ledger.RecentDays().Select(d => d.Date));
    }

    [Fact]
    public async Task Day_boundary_follows_the_local_date_not_UTC()
    {
        using SpendLedger ledger = await OpenAsync();
        // 23:30 UTC on the 14th is already 01:30 on the 15th here.
        _clock.Now = new DateTimeOffset(2026, 3, 14, 23, 30, 0, TimeSpan.Zero);

        await ledger.AddAsync("claude", Tier.Frontier, 1.00, CancellationToken.None);

        Assert.Equal(new DateOnly(2026, 3, 15), Assert.Single(ledger.RecentDays()).Date);
    }

    [Fact]
    public async Task Only_the_last_days_kept_survive_a_write()
    {
        using SpendLedger ledger = await SpendLedger.OpenAsync(FilePath, _clock, daysKept: 3, CancellationToken.None);
        for (int day = 0; day < 5; day++)
        {
            await ledger.AddAsync("claude", Tier.Frontier, 1.00, CancellationToken.None);
            _clock.Now = _clock.Now.AddDays(1);
        }

        _clock.Now = _clock.Now.AddDays(-1);
        await ledger.AddAsync("claude", Tier.Frontier, 1.00, CancellationToken.None);

        Assert.Equal([new DateOnly(2026, 3, 18), new DateOnly(2026, 3, 17), new DateOnly(2026, 3, 16)], ledger.RecentDays().Select(d => d.Date));
    }

    [Fact]
    public async Task Concurrent_adds_sum_exactly()
    {
        using SpendLedger ledger = await OpenAsync();

        // A hundred thousandths summed as doubles come to 0.10000000000000007; the ledger must say 0.1.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (int i = 0; i < 25; i++)
            {
                await ledger.AddAsync(worker % 2 == 0 ? "claude" : "openai", Tier.Frontier, 0.001, CancellationToken.None);
            }
        })));

        Assert.Equal(0.1, ledger.SpentToday());
        using SpendLedger reopened = await OpenAsync();
        Assert.Equal(0.1, reopened.SpentToday());
        Assert.Equal(100, Assert.Single(reopened.RecentDays()).Requests);
    }

    [Fact]
    public async Task Two_ledgers_on_one_file_keep_each_others_spend()
    {
        using SpendLedger server = await OpenAsync();
        using SpendLedger cli = await OpenAsync();

        await server.AddAsync("claude", Tier.Frontier, 1.00, CancellationToken.None);
        await cli.AddAsync("claude", Tier.Frontier, 0.50, CancellationToken.None);

        using SpendLedger reopened = await OpenAsync();
        Assert.Equal(1.50, reopened.SpentToday());
    }

    [Theory]
    [InlineData("{ this is not json")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{\"version\": 1, \"days\": [{\"date\": \"yesterday\", \"usd\": 1}]}")]
    [InlineData("{\"version\": 1, \"days\": [{\"date\": \"2026-03-14\", \"usd\": -5}]}")]
    [InlineData("{\"version\": 99, \"days\": []}")]
    public async Task Corrupt_file_starts_today_from_zero_with_a_warning_and_is_kept_aside(string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        await File.WriteAllTextAsync(FilePath, content, CancellationToken.None);

        using SpendLedger ledger = await OpenAsync();

        Assert.Equal(0, ledger.SpentToday());
        Assert.NotNull(ledger.Warning);
        Assert.Contains(FilePath, ledger.Warning, StringComparison.Ordinal);
        Assert.Contains("starts from $0", ledger.Warning, StringComparison.Ordinal);
        Assert.Equal(content, await File.ReadAllTextAsync(FilePath + ".corrupt", CancellationToken.None));

        await ledger.AddAsync("claude", Tier.Frontier, 0.30, CancellationToken.None);
        using SpendLedger reopened = await OpenAsync();
        Assert.Equal(0.30, reopened.SpentToday());
        Assert.Null(reopened.Warning);
    }

    [Fact]
    public async Task Unreadable_path_gives_a_warning_not_a_crash()
    {
        // A directory where the file should be can be neither read nor replaced.
        Directory.CreateDirectory(FilePath);

        using SpendLedger ledger = await OpenAsync();
        await ledger.AddAsync("claude", Tier.Frontier, 0.20, CancellationToken.None);

        Assert.NotNull(ledger.Warning);
        Assert.Equal(0.20, ledger.SpentToday());
    }

    [Fact]
    public async Task Written_file_is_whole_json_with_no_temporary_files_left()
    {
        using SpendLedger ledger = await OpenAsync();

        await ledger.AddAsync("claude", Tier.Frontier, 0.125, CancellationToken.None);

        string json = await File.ReadAllTextAsync(FilePath, CancellationToken.None);
        Assert.Contains("\"date\": \"2026-03-14\"", json, StringComparison.Ordinal);
        Assert.Contains("\"usd\": 0.125", json, StringComparison.Ordinal);
        Assert.Equal(["spend.json"], Directory.GetFiles(Path.GetDirectoryName(FilePath)!).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public async Task Impossible_cost_is_refused(double usd)
    {
        using SpendLedger ledger = await OpenAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await ledger.AddAsync("claude", Tier.Frontier, usd, CancellationToken.None));
        Assert.Equal(0, ledger.SpentToday());
    }

    [Theory]
    [InlineData("/state", "/home/u", "/state/router-lsp/spend.json")]
    [InlineData(null, "/home/u", "/home/u/.local/state/router-lsp/spend.json")]
    [InlineData("relative/state", "/home/u", "/home/u/.local/state/router-lsp/spend.json")]
    public void Default_path_is_under_the_users_state_directory(string? xdgState, string home, string expected)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string path = SpendLedger.DefaultPath(name => name switch
        {
            "XDG_STATE_HOME" => xdgState,
            "HOME" => home,
            _ => null,
        });

        Assert.Equal(expected, path);
    }
}

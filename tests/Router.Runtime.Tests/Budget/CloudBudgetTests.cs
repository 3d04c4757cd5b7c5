using System.Text.Json;
using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Runtime.Budget;
using Router.Runtime.Tests.Usage;
using Router.Runtime.Usage;

namespace Router.Runtime.Tests.Budget;

public sealed class CloudBudgetTests : IDisposable
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.CreateCustomTimeZone("test+2", TimeSpan.FromHours(2), "test+2", "test+2");

    private readonly LedgerFolder _folder = new();

    // 22:30 local on 6 December.
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 6, 22, 30, 0, TimeSpan.FromHours(2)), Zone);

    public void Dispose() => _folder.Dispose();

    private Task<UsageLedger> OpenAsync() =>
        UsageLedger.OpenAsync(_folder.Database, new UsageLedgerOptions { Clock = _clock }, cancellationToken: CancellationToken.None);

    private static BudgetConfig Daily(double usd, double? monthly = null) => new(usd, 0) { MonthlyUsd = monthly };

    [Fact]
    public async Task A_reservation_that_would_pass_the_daily_budget_is_refused()
    {
        await using UsageLedger ledger = await OpenAsync();

        BudgetReservation first = await ledger.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 0.60m, Daily(1)), CancellationToken.None);
        BudgetReservation second = await ledger.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 0.60m, Daily(1)), CancellationToken.None);

        Assert.True(first.Granted);
        Assert.False(second.Granted);
        Assert.Contains("over the daily budget", second.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settling_below_the_estimate_frees_the_difference()
    {
        await using UsageLedger ledger = await OpenAsync();
        BudgetReservation first = await ledger.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 0.60m, Daily(1)), CancellationToken.None);
        await ledger.Budget.SettleAsync(first, 0.10m, CancellationToken.None);

        BudgetReservation second = await ledger.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 0.60m, Daily(1)), CancellationToken.None);

        Assert.True(second.Granted);
        BudgetStanding standing = await ledger.Budget.RefreshAsync(CancellationToken.None);
        Assert.Equal((0.10m, 0.60m), (standing.SpentToday, standing.ReservedToday));
    }

    [Fact]
    public async Task The_monthly_budget_holds_across_days_and_a_new_day_starts_the_daily_one_afresh()
    {
        await using UsageLedger ledger = await OpenAsync();
        BudgetConfig budget = Daily(5, monthly: 6);
        BudgetReservation monday = await ledger.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 4m, budget), CancellationToken.None);
        await ledger.Budget.SettleAsync(monday, 4m, CancellationToken.None);

        _clock.Now += TimeSpan.FromHours(2);
        BudgetReservation tuesday = await ledger.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 2.5m, budget), CancellationToken.None);
        BudgetReservation smaller = await ledger.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 1.5m, budget), CancellationToken.None);

        Assert.Contains("over the monthly budget", tuesday.Refusal, StringComparison.Ordinal);
        Assert.True(smaller.Granted);
        Assert.Equal(new DateOnly(2026, 12, 7), smaller.Day);
    }

    [Fact]
    public async Task A_reservation_left_by_a_process_that_died_expires()
    {
        await using (UsageLedger crashed = await OpenAsync())
        {
            Assert.True((await crashed.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 0.90m, Daily(1)), CancellationToken.None)).Granted);
        }

        await using UsageLedger ledger = await OpenAsync();
        Assert.False((await ledger.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 0.90m, Daily(1)), CancellationToken.None)).Granted);
        _clock.Now += TimeSpan.FromMinutes(16);
        Assert.True((await ledger.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 0.90m, Daily(1)), CancellationToken.None)).Granted);
    }

    [Fact]
    public async Task The_spend_file_of_earlier_versions_is_migrated_once()
    {
        string spendFile = Path.Combine(_folder.Path, "spend.json");
        await File.WriteAllTextAsync(spendFile, JsonSerializer.Serialize(new
        {
            version = 1,
            days = new object[]
            {
                new { date = "2026-12-06", usd = 0.75m, requests = 3, endpoints = new Dictionary<string, decimal> { ["claude"] = 0.25m, ["openai"] = 0.50m }, tiers = new Dictionary<string, decimal> { ["frontier"] = 0.75m } },
                new { date = "2026-12-01", usd = 2.00m, requests = 1, endpoints = new Dictionary<string, decimal> { ["claude"] = 2.00m }, tiers = new Dictionary<string, decimal> { ["frontier"] = 2.00m } },
            },
        }));

        await using (UsageLedger first = await OpenAsync())
        {
            BudgetStanding standing = await first.Budget.RefreshAsync(CancellationToken.None);
            Assert.Equal((0.75m, 2.75m), (standing.SpentToday, standing.SpentThisMonth));
        }

        Assert.False(File.Exists(spendFile));
        Assert.True(File.Exists(spendFile + ".migrated"));

        // Even a spend.json put back (an older router beside this one) is not counted twice.
        File.Copy(spendFile + ".migrated", spendFile);
        await using UsageLedger again = await OpenAsync();
        Assert.Equal(0.75m, (await again.Budget.RefreshAsync(CancellationToken.None)).SpentToday);
    }

    [Fact]
    public async Task Spend_booked_by_one_process_is_seen_by_another()
    {
        await using UsageLedger server = await OpenAsync();
        await using UsageLedger cli = await OpenAsync();

        BudgetReservation reservation = await server.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 0.40m, Daily(1)), CancellationToken.None);
        await server.Budget.SettleAsync(reservation, 0.40m, CancellationToken.None);

        Assert.Equal(0.40m, (await cli.Budget.RefreshAsync(CancellationToken.None)).SpentToday);
        Assert.False((await cli.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 0.70m, Daily(1)), CancellationToken.None)).Granted);
    }

    [Fact]
    public async Task A_scope_is_refused_past_its_own_daily_budget_while_the_rest_of_the_team_goes_on()
    {
        await using UsageLedger gateway = await OpenAsync();
        await using UsageLedger other = await OpenAsync();
        BudgetScope bot = new("key:ci-bot", DailyUsd: 0.50m);

        BudgetReservation first = await gateway.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 0.30m, Daily(5), bot), CancellationToken.None);
        await gateway.Budget.SettleAsync(first, 0.30m, CancellationToken.None);

        // Another process, the same key: what the first spent counts.
        BudgetReservation over = await other.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 0.30m, Daily(5), bot), CancellationToken.None);
        Assert.False(over.Granted);
        Assert.Contains("key:ci-bot's daily budget", over.Refusal, StringComparison.Ordinal);
        Assert.True((await other.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 0.30m, Daily(5), new BudgetScope("key:alice", 0.50m)), CancellationToken.None)).Granted);
        Assert.True((await other.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 0.30m, Daily(5)), CancellationToken.None)).Granted);

        // The scope's spend is the team's spend too.
        Assert.Equal(0.30m, (await other.Budget.RefreshAsync(CancellationToken.None)).SpentToday);
    }

    [Fact]
    public async Task A_scope_within_its_own_budget_is_still_refused_when_the_team_budget_is_spent()
    {
        await using UsageLedger ledger = await OpenAsync();
        BudgetReservation team = await ledger.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 0.90m, Daily(1)), CancellationToken.None);
        await ledger.Budget.SettleAsync(team, 0.90m, CancellationToken.None);

        BudgetReservation scoped = await ledger.Budget.ReserveAsync(
            new BudgetClaim("claude", Tier.Frontier, 0.20m, Daily(1), new BudgetScope("key:ci-bot", 10m)), CancellationToken.None);

        Assert.False(scoped.Granted);
        Assert.StartsWith("over the daily budget", scoped.Refusal, StringComparison.Ordinal);
    }
}

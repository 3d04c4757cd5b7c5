using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Runtime.Budget;
using Router.Runtime.Budget.Postgres;
using Router.Runtime.Tests.Usage;
using Router.Runtime.Usage.Postgres;

namespace Router.Runtime.Tests.Postgres;

[Collection(PostgresTests.Name)]
public sealed class PostgresCloudBudgetTests(PostgresCluster cluster) : IDisposable
{
    private readonly LedgerFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<PostgresUsageLedger> OpenAsync(string connection, string name, PostgresBudgetOptions? leases = null) =>
        await PostgresUsageLedger.OpenAsync(connection, new PostgresLedgerOptions(Path.Combine(_folder.Path, name)) { Leases = leases ?? new() });

    [Fact]
    public async Task A_gateway_key_is_held_to_its_own_budget_inside_the_team_one()
    {
        await using PostgresUsageLedger ledger = await OpenAsync(await cluster.CreateDatabaseAsync(), "a");
        BudgetConfig team = new(10, 0);
        BudgetScope key = new("key:ci-bot", DailyUsd: 0.05m);

        List<BudgetReservation> keyed = [];
        for (int i = 0; i < 8; i++)
        {
            keyed.Add(await ledger.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 0.01m, team, key), CancellationToken.None));
        }

        BudgetReservation unkeyed = await ledger.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 0.01m, team), CancellationToken.None);

        Assert.Equal(5, keyed.Count(r => r.Granted));
        Assert.Contains("over key:ci-bot's daily budget", keyed[^1].Refusal, StringComparison.Ordinal);
        Assert.True(unkeyed.Granted, unkeyed.Refusal);
    }

    [Fact]
    public async Task The_monthly_budget_holds_across_routers_too()
    {
        string connection = await cluster.CreateDatabaseAsync();
        await using PostgresUsageLedger first = await OpenAsync(connection, "a");
        await using PostgresUsageLedger second = await OpenAsync(connection, "b");
        BudgetConfig budget = new(100, 0) { MonthlyUsd = 0.10 };

        int granted = 0;
        for (int i = 0; i < 20; i++)
        {
            PostgresUsageLedger ledger = i % 2 == 0 ? first : second;
            BudgetReservation reservation = await ledger.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 0.01m, budget), CancellationToken.None);
            if (reservation.Granted)
            {
                granted++;
                await ledger.Budget.SettleAsync(reservation, 0.01m, CancellationToken.None);
            }
            else
            {
                Assert.Contains("monthly budget", reservation.Refusal, StringComparison.Ordinal);
            }
        }

        Assert.InRange(granted, 1, 10);
    }

    [Fact]
    public async Task What_an_idle_router_leased_and_did_not_spend_goes_back_to_the_others()
    {
        string connection = await cluster.CreateDatabaseAsync();
        PostgresBudgetOptions leases = new() { LeaseRequests = 100, IdleReturn = TimeSpan.FromMilliseconds(300), UpkeepInterval = TimeSpan.FromMilliseconds(100) };
        await using PostgresUsageLedger idle = await OpenAsync(connection, "a", leases);
        await using PostgresUsageLedger busy = await OpenAsync(connection, "b", leases);
        BudgetConfig budget = new(0.20, 0);

        // The first router leases a quarter of what is left and spends a cent of it.
        BudgetReservation one = await idle.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 0.01m, budget), CancellationToken.None);
        await idle.Budget.SettleAsync(one, 0.01m, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));

        int granted = 0;
        for (int i = 0; i < 30; i++)
        {
            BudgetReservation reservation = await busy.Budget.ReserveAsync(new BudgetClaim("claude", Tier.Frontier, 0.01m, budget), CancellationToken.None);
            if (reservation.Granted)
            {
                granted++;
                await busy.Budget.SettleAsync(reservation, 0.01m, CancellationToken.None);
            }
        }

        // Everything but the first router's cent: nothing stays stranded in its lease.
        Assert.Equal(19, granted);
    }
}

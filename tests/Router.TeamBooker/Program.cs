using System.Globalization;
using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Core.Usage;
using Router.Runtime.Budget;
using Router.Runtime.Usage;
using Router.Runtime.Usage.Postgres;

// One process of the team ledger's concurrency test: books REQUESTS cloud requests into the PostgreSQL ledger whose connection
// string is in ROUTER_LEDGER_URL, as the dispatcher does (reserve the estimate in the team budget, "send" for a few
// milliseconds, settle the real cost, append the record). A gateway runs PARALLEL requests at once under a key of its own, a
// CLI one at a time. Starts at the agreed moment so that every process runs together; prints one line of counts.
//   Router.TeamBooker gateway|cli PROCESS REQUESTS PARALLEL DAILY_USD ESTIMATE_USD START_UTC_TICKS SPOOL_DIR
if (args.Length != 8 || Environment.GetEnvironmentVariable("ROUTER_LEDGER_URL") is not { Length: > 0 } connection)
{
    await Console.Error.WriteLineAsync("usage: ROUTER_LEDGER_URL=… Router.TeamBooker gateway|cli PROCESS REQUESTS PARALLEL DAILY_USD ESTIMATE_USD START_UTC_TICKS SPOOL_DIR");
    return 2;
}

bool gateway = args[0] == "gateway";
int process = int.Parse(args[1], CultureInfo.InvariantCulture);
int requests = int.Parse(args[2], CultureInfo.InvariantCulture);
int parallel = int.Parse(args[3], CultureInfo.InvariantCulture);
BudgetConfig budget = new(double.Parse(args[4], CultureInfo.InvariantCulture), 0);
decimal estimate = decimal.Parse(args[5], CultureInfo.InvariantCulture);
DateTimeOffset start = new(long.Parse(args[6], CultureInfo.InvariantCulture), TimeSpan.Zero);
string name = $"{args[0]}{process}";

await using PostgresUsageLedger ledger = await PostgresUsageLedger.OpenAsync(connection, new PostgresLedgerOptions(args[7]));
TimeSpan wait = start - DateTimeOffset.UtcNow;
if (wait > TimeSpan.Zero)
{
    await Task.Delay(wait);
}

int granted = 0;
long settledNano = 0;
int next = -1;
await Task.WhenAll(Enumerable.Range(0, gateway ? parallel : 1).Select(async _ =>
{
    for (int i = Interlocked.Increment(ref next); i < requests; i = Interlocked.Increment(ref next))
    {
        BudgetReservation reservation = await ledger.Budget.ReserveAsync(new BudgetClaim("cloud", Tier.Frontier, estimate, budget), CancellationToken.None);
        decimal cost = 0;
        if (reservation.Granted)
        {
            Interlocked.Increment(ref granted);
            await Task.Delay(2 + ((process + i) % 7));

            // The real cost is at most the estimate: 60 % to 100 % of it.
            cost = estimate * (0.6m + (0.1m * ((process + i) % 5)));
            await ledger.Budget.SettleAsync(reservation, cost, CancellationToken.None);
            Interlocked.Add(ref settledNano, (long)(cost * 1_000_000_000m));
        }

        UsageRecord record = new(
            $"{name}-r{i}", DateTimeOffset.UtcNow, RequestKind.Chat, Tier.Frontier, "frontier-model", "cloud", true, "",
            100, reservation.Granted ? 50 : 0, false, TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(5), null,
            reservation.Granted ? UsageOutcome.Answered : UsageOutcome.Failed, false, false, null, cost, reservation.Granted ? "" : "over budget")
        {
            Key = gateway ? $"key:{name}" : null,
            User = $"dev{process % 3}",
        };
        if (!ledger.Append(record))
        {
            await Console.Error.WriteLineAsync($"request {i} was not queued");
        }
    }
}));

await ledger.FlushAsync(CancellationToken.None);
decimal settled = settledNano / 1_000_000_000m;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{name}: granted {granted} refused {requests - granted} settled {settled} dropped {ledger.Dropped} leases {ledger.Budget.LeasesTaken}"));
return ledger.Dropped == 0 ? 0 : 1;

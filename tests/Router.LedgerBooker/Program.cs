using System.Globalization;
using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Core.Usage;
using Router.Runtime.Budget;
using Router.Runtime.Usage;

// One process of the ledger's concurrency test: books REQUESTS cloud requests into the ledger at DB, as the dispatcher
// does (reserve the estimate, "send" for a few milliseconds, settle the real cost, append the record), starting at the
// agreed moment so that every process runs at once. Prints one line of counts; exits 1 if a row was dropped.
//   Router.LedgerBooker DB PROCESS REQUESTS DAILY_USD ESTIMATE_USD START_UTC_TICKS
if (args.Length != 6)
{
    await Console.Error.WriteLineAsync("usage: Router.LedgerBooker DB PROCESS REQUESTS DAILY_USD ESTIMATE_USD START_UTC_TICKS");
    return 2;
}

string path = args[0];
int process = int.Parse(args[1], CultureInfo.InvariantCulture);
int requests = int.Parse(args[2], CultureInfo.InvariantCulture);
BudgetConfig budget = new(double.Parse(args[3], CultureInfo.InvariantCulture), 0);
decimal estimate = decimal.Parse(args[4], CultureInfo.InvariantCulture);
DateTimeOffset start = new(long.Parse(args[5], CultureInfo.InvariantCulture), TimeSpan.Zero);

await using UsageLedger ledger = await UsageLedger.OpenAsync(path);
if (ledger.Warning is { } warning)
{
    await Console.Error.WriteLineAsync(warning);
    return 1;
}

TimeSpan wait = start - DateTimeOffset.UtcNow;
if (wait > TimeSpan.Zero)
{
    await Task.Delay(wait);
}

int granted = 0;
decimal settled = 0;
for (int i = 0; i < requests; i++)
{
    BudgetReservation reservation = await ledger.Budget.ReserveAsync(new BudgetClaim("cloud", Tier.Frontier, estimate, budget), CancellationToken.None);
    decimal cost = 0;
    if (reservation.Granted)
    {
        granted++;
        await Task.Delay(2 + ((process + i) % 7));

        // The real cost is at most the estimate: 60 % to 100 % of it.
        cost = estimate * (0.6m + (0.1m * ((process + i) % 5)));
        await ledger.Budget.SettleAsync(reservation, cost, CancellationToken.None);
        settled += cost;
    }

    UsageRecord record = new(
        $"p{process}-r{i}", DateTimeOffset.UtcNow, RequestKind.Chat, Tier.Frontier, "frontier-model", "cloud", true, "",
        100, reservation.Granted ? 50 : 0, false, TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(5), null,
        reservation.Granted ? UsageOutcome.Answered : UsageOutcome.Failed, false, false, null, cost, reservation.Granted ? "" : "over budget");
    if (!ledger.Append(record))
    {
        await Console.Error.WriteLineAsync($"request {i} was not queued");
    }
}

await ledger.FlushAsync(CancellationToken.None);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process {process}: granted {granted} refused {requests - granted} settled {settled} dropped {ledger.Dropped}"));
return ledger.Dropped == 0 ? 0 : 1;

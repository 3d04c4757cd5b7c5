using Router.Core.Configuration;
using Router.Core.Placement;
using Router.Core.Usage;
using Router.Runtime.Usage;

namespace Router.Runtime.Placement;

/// <summary>The workload placement weighs load times by, as the usage ledger measured it over the last week.</summary>
public static class LedgerRates
{
    /// <summary>How far back the rates look: long enough to hold a working week, short enough to follow a change of habits.</summary>
    public static TimeSpan Window { get; } = TimeSpan.FromDays(7);

    /// <summary>The rates of the last <see cref="Window"/>; null while the ledger holds too little to say.</summary>
    public static async Task<MeasuredRates?> ReadAsync(IUsageLedger ledger, RouterConfig config, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        List<UsageRecord> records = [];
        await foreach (UsageRecord record in ledger.ReadSinceAsync(now - Window, cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
        }

        return WorkloadRates.Measured(config, records);
    }
}

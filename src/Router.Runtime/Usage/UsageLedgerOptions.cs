namespace Router.Runtime.Usage;

/// <summary>How the usage ledger keeps and writes its rows.</summary>
/// <param name="RetentionDays">Request rows older than this many days are deleted; daily rollups and spend totals are kept
/// at least <see cref="MinimumTotalsDays"/> days so that a monthly budget always sees its whole month.</param>
/// <param name="QueueCapacity">Rows waiting for the writer; past this a row is dropped (and counted), never waited for.</param>
/// <param name="BatchSize">Most rows written in one transaction.</param>
public sealed record UsageLedgerOptions(int RetentionDays = UsageLedgerOptions.DefaultRetentionDays, int QueueCapacity = 8192, int BatchSize = 512)
{
    public const int DefaultRetentionDays = 90;

    /// <summary>Days of rollups and spend totals kept whatever the retention: two months covers any monthly budget.</summary>
    public const int MinimumTotalsDays = 62;

    /// <summary>How long a reservation of a process that died before settling it still counts against the budget.</summary>
    public TimeSpan ReservationLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a writer or a reservation waits for another process's transaction before giving up.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the writer waits after the first row of a batch for more to join it, so that requests answered one
    /// after another share a transaction; zero writes each batch at once, and so does a batch that holds a <see cref="IUsageLedger.FlushAsync"/>.</summary>
    public TimeSpan GatherWindow { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The clock for days, months, expiry and retention (a seam for tests).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

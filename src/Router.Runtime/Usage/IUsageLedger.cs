using Router.Core.Usage;

namespace Router.Runtime.Usage;

/// <summary>
/// The usage ledger as the rest of the router sees it: one <see cref="UsageRecord"/> per request, booked off the request
/// path, an outcome changed later by request id, and records read back for reports. Booking never blocks and never
/// throws for the disk's sake: <see cref="Append"/> and <see cref="UpdateOutcome"/> only queue (a bounded queue; a full
/// one drops the row and counts it in <see cref="Dropped"/>), and a background writer stores the queue in batches. An
/// outcome update may arrive before its record is written; it is applied when the record is. Readers see what is
/// written: call <see cref="FlushAsync"/> first to include what this process queued. The SQLite implementation
/// (<c>usage.db</c> in the state folder) is shared by every router process of the user; no prompt or answer text is
/// ever stored, only counts, timings, outcomes and cost.
/// </summary>
public interface IUsageLedger : IAsyncDisposable
{
    /// <summary>Queues <paramref name="record"/> for writing; false when it was dropped (queue full or ledger closed).</summary>
    bool Append(UsageRecord record);

    /// <summary>Queues a later outcome of the request <paramref name="requestId"/>: a shown completion becoming
    /// <see cref="UsageOutcome.Accepted"/> (with <paramref name="acceptedCharacters"/>) or <see cref="UsageOutcome.Dismissed"/>.
    /// An unknown id changes nothing. False when it was dropped.</summary>
    bool UpdateOutcome(string requestId, UsageOutcome outcome, int? acceptedCharacters = null);

    /// <summary>Records booked at or after <paramref name="since"/>, oldest first, with their latest outcome.</summary>
    IAsyncEnumerable<UsageRecord> ReadSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Waits until everything queued before the call is written (or dropped).</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);

    /// <summary>Rows and updates this process could not store (queue full, disk full, database locked too long).</summary>
    long Dropped { get; }
}

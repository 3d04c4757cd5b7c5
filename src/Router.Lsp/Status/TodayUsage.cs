using Router.Core.Usage;
using Router.Core.Usage.Reporting;
using Router.Lsp.Contracts;
using Router.Runtime.Usage;

namespace Router.Lsp.Status;

/// <summary>Today's share of requests per tier, read from the usage ledger in the background and kept for the status bar, so
/// sending a status never waits on the database. Read again at most every <see cref="RefreshAfter"/>.</summary>
internal sealed class TodayUsage(IUsageLedger? ledger, TimeProvider time)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private IReadOnlyList<RouterTierShare>? _shares;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;
    private Task? _reading;

    /// <summary>The shares as last read (null before the first read), and a read started when they are old.</summary>
    public IReadOnlyList<RouterTierShare>? Shares()
    {
        if (ledger is null)
        {
            return null;
        }

        lock (_gate)
        {
            if (_reading is null && time.GetUtcNow() - _readAt >= RefreshAfter)
            {
                _readAt = time.GetUtcNow();
                _reading = Task.Run(ReadAsync);
            }

            return _shares;
        }
    }

    /// <summary>Reads now and waits for it (tests, and the first status after start).</summary>
    public async Task RefreshAsync()
    {
        Task reading;
        lock (_gate)
        {
            _readAt = time.GetUtcNow();
            reading = _reading ??= Task.Run(ReadAsync);
        }

        await reading.ConfigureAwait(false);
    }

    private async Task ReadAsync()
    {
        try
        {
            DateTimeOffset now = time.GetUtcNow();
            DateTime local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.Local).DateTime.Date;
            DateTimeOffset midnight = new(local, TimeZoneInfo.Local.GetUtcOffset(local));
            List<UsageRecord> today = [];
            await foreach (UsageRecord record in ledger!.ReadSinceAsync(midnight, CancellationToken.None).ConfigureAwait(false))
            {
                today.Add(record);
            }

            UsageReport report = UsageReportBuilder.Build(today, new UsageReportOptions(midnight, now, TimeZoneInfo.Local));
            IReadOnlyList<RouterTierShare> shares = [.. report.Tiers.Select(t => new RouterTierShare(t.Tier, t.Requests, Math.Round(t.Share, 4)))];
            lock (_gate)
            {
                _shares = shares;
            }
        }
#pragma warning disable CA1031 // The status bar's figures are best effort; a ledger that cannot be read leaves the last ones.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        finally
        {
            lock (_gate)
            {
                _reading = null;
            }
        }
    }
}

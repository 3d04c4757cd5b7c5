using Router.Core.Usage;
using Router.Core.Usage.Reporting;
using Router.Lsp.Contracts;
using Router.Runtime.Usage;

namespace Router.Lsp.Status;

/// <summary>Today's share of requests per tier, read from the usage ledger in the background and kept for the status bar, so
/// sending a status never waits on the database. Read at most every <see cref="RefreshAfter"/>: a booking within that time
/// schedules one read when it is up, and <see cref="Updated"/> says when the figures changed.</summary>
internal sealed class TodayUsage(IUsageLedger? ledger, TimeProvider time) : IAsyncDisposable
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private IReadOnlyList<RouterTierShare>? _shares;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;
    private Task? _reading;
    private ITimer? _scheduled;
    private bool _bookedDuringRead;
    private bool _disposed;

    /// <summary>The figures changed after a read; the status is worth sending again.</summary>
    public event Action? Updated;

    /// <summary>The shares as last read (null before the first read); starts a read when they are old.</summary>
    public IReadOnlyList<RouterTierShare>? Shares()
    {
        Booked();
        lock (_gate)
        {
            return _shares;
        }
    }

    /// <summary>Something was booked: read now if the figures are old, else once when they are.</summary>
    public void Booked()
    {
        if (ledger is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed || _scheduled is not null)
            {
                return;
            }

            if (_reading is not null)
            {
                // The read in flight may have flushed before this booking: read once more when the figures are old.
                _bookedDuringRead = true;
                return;
            }

            ReadOrSchedule();
        }
    }

    /// <summary>Starts no more reads and waits for the one in flight, so nothing touches the ledger after the server stops.</summary>
    public async ValueTask DisposeAsync()
    {
        Task? reading;
        lock (_gate)
        {
            _disposed = true;
            _scheduled?.Dispose();
            _scheduled = null;
            reading = _reading;
        }

        if (reading is not null)
        {
            await reading.ConfigureAwait(false);
        }
    }

    private void ScheduledRead()
    {
        lock (_gate)
        {
            _scheduled?.Dispose();
            _scheduled = null;
            if (_reading is null && !_disposed)
            {
                StartRead();
            }
        }
    }

    /// <summary>Called under the gate.</summary>
    private void ReadOrSchedule()
    {
        TimeSpan age = time.GetUtcNow() - _readAt;
        if (age >= RefreshAfter)
        {
            StartRead();
        }
        else
        {
            _scheduled = time.CreateTimer(static state => ((TodayUsage)state!).ScheduledRead(), this, RefreshAfter - age, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Called under the gate.</summary>
    private void StartRead()
    {
        _readAt = time.GetUtcNow();
        _reading = Task.Run(ReadAsync);
    }

    private async Task ReadAsync()
    {
        bool changed = false;
        bool failed = false;
        try
        {
            // This process's own bookings are still queued: write them first, so the figures include them.
            await ledger!.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            DateTimeOffset now = time.GetUtcNow();
            DateTime local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.Local).DateTime.Date;
            DateTimeOffset midnight = new(local, TimeZoneInfo.Local.GetUtcOffset(local));
            List<UsageRecord> today = [];
            await foreach (UsageRecord record in ledger.ReadSinceAsync(midnight, CancellationToken.None).ConfigureAwait(false))
            {
                today.Add(record);
            }

            UsageReport report = UsageReportBuilder.Build(today, new UsageReportOptions(midnight, now, TimeZoneInfo.Local));
            IReadOnlyList<RouterTierShare> shares = [.. report.Tiers.Select(t => new RouterTierShare(t.Tier, t.Requests, Math.Round(t.Share, 4)))];
            lock (_gate)
            {
                changed = _shares is null ? shares.Count > 0 : !_shares.SequenceEqual(shares);
                _shares = shares;
            }
        }
#pragma warning disable CA1031 // The status bar's figures are best effort; a ledger that cannot be read leaves the last ones.
        catch (Exception)
#pragma warning restore CA1031
        {
            failed = true;
        }
        finally
        {
            lock (_gate)
            {
                _reading = null;
                // A failed read (a database busy past its timeout) is tried again when the figures are old, like a missed booking.
                if ((_bookedDuringRead || failed) && !_disposed && _scheduled is null)
                {
                    _bookedDuringRead = false;
                    ReadOrSchedule();
                }
            }
        }

        if (changed)
        {
            Updated?.Invoke();
        }
    }
}

using System.Runtime.CompilerServices;
using Microsoft.Extensions.Time.Testing;
using Router.Core.Requests;
using Router.Core.Usage;
using Router.Lsp.Contracts;
using Router.Lsp.Status;
using Router.Runtime.Usage;

namespace Router.Lsp.Tests.Status;

public sealed class TodayUsageTests
{
    [Fact]
    public async Task A_booking_while_a_read_is_in_flight_is_in_the_figures_once_they_are_old()
    {
        FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
        GatedLedger ledger = new();
        await using TodayUsage today = new(ledger, clock);
        SemaphoreSlim updated = new(0);
        today.Updated += () => updated.Release();

        ledger.Append(Completion("r1", clock));
        today.Booked();
        await ledger.FlushStarted.WaitAsync(TimeSpan.FromSeconds(30));

        // The read has taken what was written; this booking lands behind it.
        ledger.Append(Completion("r2", clock));
        today.Booked();
        ledger.Release();
        Assert.True(await updated.WaitAsync(TimeSpan.FromSeconds(30)));

        ledger.Release();
        clock.Advance(TodayUsage.RefreshAfter);
        Assert.True(await updated.WaitAsync(TimeSpan.FromSeconds(30)), "the booking made during the first read was never read");
        Assert.Equal([new RouterTierShare("code", 2, 1.0)], today.Shares());
    }

    [Fact]
    public async Task Bookings_within_ten_seconds_of_a_read_are_read_once_when_the_ten_seconds_are_up()
    {
        FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
        GatedLedger ledger = new();
        await using TodayUsage today = new(ledger, clock);
        SemaphoreSlim updated = new(0);
        today.Updated += () => updated.Release();
        ledger.Release(10);

        ledger.Append(Completion("r1", clock));
        today.Booked();
        Assert.True(await updated.WaitAsync(TimeSpan.FromSeconds(30)));
        ledger.Append(Completion("r2", clock));
        today.Booked();
        ledger.Append(Completion("r3", clock));
        today.Booked();

        clock.Advance(TodayUsage.RefreshAfter - TimeSpan.FromSeconds(1));
        Assert.Equal(1, ledger.Reads);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await updated.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(2, ledger.Reads);
        Assert.Equal([new RouterTierShare("code", 3, 1.0)], today.Shares());
    }

    private static UsageRecord Completion(string id, TimeProvider clock) => new(
        id, clock.GetUtcNow(), RequestKind.Completion, Tier.Code, "qwen2.5-coder:14b", "box", IsCloud: false, "csharp", 1500, 32,
        TokensEstimated: false, TimeSpan.FromMilliseconds(90), TimeSpan.FromMilliseconds(400), null, UsageOutcome.Shown,
        FellBack: false, Escalated: false, AcceptedCharacters: null, CostUsd: 0, "kind completion");

    /// <summary>A ledger whose flush takes what was appended so far, then waits for the test to let it finish.</summary>
    private sealed class GatedLedger : IUsageLedger
    {
        private readonly Lock _gate = new();
        private readonly List<UsageRecord> _appended = [];
        private readonly List<UsageRecord> _written = [];
        private readonly SemaphoreSlim _finish = new(0);
        private readonly SemaphoreSlim _started = new(0);
        private int _reads;

        public long Dropped => 0;

        public int Reads => Volatile.Read(ref _reads);

        public Task FlushStarted => _started.WaitAsync();

        public void Release(int count = 1) => _finish.Release(count);

        public bool Append(UsageRecord record)
        {
            lock (_gate)
            {
                _appended.Add(record);
            }

            return true;
        }

        public bool UpdateOutcome(string requestId, UsageOutcome outcome, int? acceptedCharacters = null) => true;

        public async ValueTask FlushAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            lock (_gate)
            {
                _written.AddRange(_appended);
                _appended.Clear();
            }

            _started.Release();
            await _finish.WaitAsync(cancellationToken);
        }

        public async IAsyncEnumerable<UsageRecord> ReadSinceAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            UsageRecord[] written;
            lock (_gate)
            {
                written = [.. _written];
            }

            foreach (UsageRecord record in written)
            {
                yield return record;
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

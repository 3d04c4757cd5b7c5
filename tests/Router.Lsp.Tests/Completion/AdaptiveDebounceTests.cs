using Router.Lsp.Completion;

namespace Router.Lsp.Tests.Completion;

public sealed class AdaptiveDebounceTests
{
    private const string Uri = "file:///w/a.py";
    private static readonly TimeSpan Min = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Max = TimeSpan.FromMilliseconds(250);

    private static (AdaptiveDebounce Debounce, HandClock Clock) Make()
    {
        HandClock clock = new();
        return (new AdaptiveDebounce(Min, Max, clock), clock);
    }

    private static TimeSpan TypeKeys(AdaptiveDebounce debounce, HandClock clock, int keys, int gapMs)
    {
        TimeSpan delay = debounce.Next(Uri, supersedes: false);
        for (int i = 1; i < keys; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(gapMs));
            delay = debounce.Next(Uri, supersedes: true);
        }

        return delay;
    }

    [Fact]
    public void A_request_after_the_last_one_was_answered_waits_only_the_minimum()
    {
        (AdaptiveDebounce debounce, HandClock clock) = Make();
        TypeKeys(debounce, clock, keys: 10, gapMs: 40);
        clock.Advance(TimeSpan.FromMilliseconds(40));

        Assert.Equal(Min, debounce.Next(Uri, supersedes: false));
    }

    [Fact]
    public void A_fast_typist_waits_a_little_longer_than_their_gap_between_keys()
    {
        (AdaptiveDebounce debounce, HandClock clock) = Make();

        TimeSpan delay = TypeKeys(debounce, clock, keys: 20, gapMs: 40);

        // Longer than the 40 ms gap, so the next key supersedes the request before it reaches the model.
        Assert.InRange(delay.TotalMilliseconds, 41, 75);
    }

    [Fact]
    public void A_slow_typist_is_never_kept_waiting_past_the_maximum()
    {
        (AdaptiveDebounce debounce, HandClock clock) = Make();

        Assert.Equal(Max, TypeKeys(debounce, clock, keys: 10, gapMs: 600));
    }

    [Fact]
    public void A_pause_does_not_count_as_typing_rhythm()
    {
        (AdaptiveDebounce debounce, HandClock clock) = Make();
        TimeSpan fast = TypeKeys(debounce, clock, keys: 10, gapMs: 40);

        clock.Advance(TimeSpan.FromSeconds(30));
        debounce.Next(Uri, supersedes: true);
        clock.Advance(TimeSpan.FromMilliseconds(40));

        Assert.Equal(fast, debounce.Next(Uri, supersedes: true));
    }

    [Fact]
    public void The_delay_never_goes_below_the_minimum()
    {
        (AdaptiveDebounce debounce, HandClock clock) = Make();

        Assert.Equal(Min, TypeKeys(debounce, clock, keys: 30, gapMs: 2));
    }

    [Fact]
    public void Each_document_has_its_own_rhythm()
    {
        (AdaptiveDebounce debounce, HandClock clock) = Make();
        TypeKeys(debounce, clock, keys: 10, gapMs: 40);

        Assert.Equal(Min, debounce.Next("file:///w/other.py", supersedes: true));
    }

    [Fact]
    public async Task A_superseded_wait_ends_at_once_as_cancelled()
    {
        AdaptiveDebounce debounce = new(Min, TimeSpan.FromMinutes(5));
        using CancellationTokenSource superseded = new();

        Task wait = debounce.WaitAsync(TimeSpan.FromMinutes(5), superseded.Token);
        await superseded.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}

using Microsoft.Extensions.Time.Testing;
using Router.Lsp.Completion;

namespace Router.Lsp.Tests.Completion;

public sealed class AdaptiveDebounceTests
{
    private const string Uri = "file:///w/a.py";
    private static readonly TimeSpan Min = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Max = TimeSpan.FromMilliseconds(250);

    private readonly FakeTimeProvider _clock = new();
    private readonly AdaptiveDebounce _debounce;

    public AdaptiveDebounceTests()
    {
        _debounce = new AdaptiveDebounce(Min, Max, _clock);
    }

    /// <summary>Types <paramref name="keys"/> keystrokes <paramref name="gapMs"/> apart; returns the wait of a request sent
    /// right after the last one.</summary>
    private TimeSpan Type(int keys, int gapMs, string uri = Uri)
    {
        for (int i = 0; i < keys; i++)
        {
            if (i > 0)
            {
                _clock.Advance(TimeSpan.FromMilliseconds(gapMs));
            }

            _debounce.Keystroke(uri);
        }

        return _debounce.Next(uri);
    }

    private static void AssertMs(double expected, TimeSpan actual) => Assert.Equal(expected, actual.TotalMilliseconds, precision: 3);

    [Fact]
    public void At_ten_keys_a_second_a_request_waits_half_again_the_gap_so_the_next_key_comes_first()
    {
        AssertMs(150, Type(keys: 20, gapMs: 100));
    }

    [Fact]
    public void Requests_cancelled_or_answered_between_keystrokes_leave_the_learnt_wait_as_it_was()
    {
        for (int i = 0; i < 20; i++)
        {
            _debounce.Keystroke(Uri);

            // Each keystroke's request, then what VS Code does before the next one: cancel it. Neither is a keystroke.
            _debounce.Next(Uri);
            _clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        _debounce.Keystroke(Uri);

        AssertMs(150, _debounce.Next(Uri));
    }

    [Fact]
    public void The_wait_runs_from_the_last_keystroke_not_from_the_request()
    {
        Type(keys: 20, gapMs: 100);

        _clock.Advance(TimeSpan.FromMilliseconds(100));
        AssertMs(50, _debounce.Next(Uri));

        // Asked long after the last keystroke: the cursor moved, nobody is typing.
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(Min, _debounce.Next(Uri));
    }

    [Fact]
    public void A_pause_to_think_does_not_stretch_the_wait_of_the_next_burst()
    {
        Type(keys: 20, gapMs: 100);
        _clock.Advance(TimeSpan.FromMilliseconds(800));
        _debounce.Keystroke(Uri);
        _clock.Advance(TimeSpan.FromSeconds(5));

        AssertMs(150, Type(keys: 3, gapMs: 100));
    }

    [Fact]
    public void A_fast_typist_waits_less_than_a_slow_one()
    {
        AssertMs(60, Type(keys: 20, gapMs: 40));
    }

    [Fact]
    public void A_slow_typist_is_never_kept_waiting_past_the_maximum()
    {
        Assert.Equal(Max, Type(keys: 10, gapMs: 500));
    }

    [Fact]
    public void The_wait_never_goes_below_the_minimum()
    {
        Assert.Equal(Min, Type(keys: 30, gapMs: 8));
    }

    [Fact]
    public void The_wait_follows_a_change_of_pace_within_a_few_words()
    {
        Type(keys: 30, gapMs: 100);

        AssertMs(90, Type(keys: 17, gapMs: 60));
    }

    [Fact]
    public void Changes_a_few_milliseconds_apart_are_one_keystroke()
    {
        for (int i = 0; i < 20; i++)
        {
            // An auto-closed bracket: the editor sends the typed character and the closing one as two changes.
            _debounce.Keystroke(Uri);
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            _debounce.Keystroke(Uri);
            _clock.Advance(TimeSpan.FromMilliseconds(99));
        }

        _debounce.Keystroke(Uri);

        // The gaps are the 99 ms between one edit's last part and the next keystroke.
        AssertMs(148.5, _debounce.Next(Uri));
    }

    [Fact]
    public void The_first_keystroke_of_a_session_waits_the_maximum()
    {
        _debounce.Keystroke(Uri);

        Assert.Equal(Max, _debounce.Next(Uri));
    }

    [Fact]
    public void A_document_first_typed_into_takes_the_rhythm_learnt_in_another()
    {
        Type(keys: 20, gapMs: 100);

        AssertMs(150, Type(keys: 1, gapMs: 0, uri: "file:///w/other.py"));
    }

    [Fact]
    public void A_document_never_typed_into_waits_only_the_minimum()
    {
        Assert.Equal(Min, _debounce.Next(Uri));
    }

    [Fact]
    public void A_closed_document_is_forgotten()
    {
        Type(keys: 20, gapMs: 100);
        _debounce.Forget(Uri);

        Assert.Equal(Min, _debounce.Next(Uri));
    }

    [Fact]
    public async Task A_wait_ends_when_its_time_has_passed()
    {
        Task wait = _debounce.WaitAsync(TimeSpan.FromMilliseconds(150), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(149));
        Assert.False(wait.IsCompleted);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await wait.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_cancelled_wait_ends_at_once_as_cancelled()
    {
        using CancellationTokenSource cancelled = new();

        Task wait = _debounce.WaitAsync(TimeSpan.FromMinutes(5), cancelled.Token);
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}

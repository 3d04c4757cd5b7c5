using System.Collections.Concurrent;

namespace Router.Lsp.Completion;

/// <summary>How long an automatic completion waits before it reaches the model, learnt from the gaps between the
/// keystrokes (<c>didChange</c>s) of each document.</summary>
/// <remarks>
/// The rule: a completion waits until <c>Margin</c> (1.5) times the document's typical gap has passed since its last
/// keystroke, the typical gap being the median of its last <c>Kept</c> (16) gaps, and the wait kept within
/// [<see cref="Minimum"/>, <see cref="Maximum"/>]. Why:
/// <list type="bullet">
/// <item>Editors ask for a completion on every keystroke and a generation costs the host seconds of GPU time, so only a
/// pause should reach the model: while the user types, the next keystroke comes within the wait and its request replaces
/// the waiting one (or the editor cancels it, as VS Code does before it sends the change), and nothing was sent.</item>
/// <item>The rhythm is learnt from keystrokes only, never from whether a request is still running, answered or cancelled:
/// VS Code cancels the previous request before it sends the next change, so anything learnt from requests in flight is
/// reset on every keystroke.</item>
/// <item>The median, not a mean: a pause to think is one long gap among many short ones and must not stretch the wait
/// of the next burst. The margin absorbs a typist's jitter around it. Sixteen gaps are about two seconds of typing:
/// one odd gap does not move the median, and a change of pace shows within a few words.</item>
/// <item>Gaps over a second are pauses, not rhythm; gaps under 5 ms are one edit sent in parts (an auto-closed bracket,
/// several cursors), not keystrokes.</item>
/// <item>The wait runs from the last keystroke, not from the request: a request long after the last keystroke (the
/// cursor moved, the editor asked again) is not typing and waits only the minimum.</item>
/// <item>A document with no rhythm yet takes the one learnt last in any document (same typist); the first keystroke of
/// a session waits the maximum, because a wasted generation costs the host far more than one longer wait.</item>
/// <item>A slow typist whose gaps exceed the maximum gets one generation per keystroke, each a pause: the maximum is
/// what a suggestion may cost in waiting.</item>
/// </list>
/// </remarks>
internal sealed class AdaptiveDebounce(TimeSpan minimum, TimeSpan maximum, TimeProvider? time = null)
{
    private const double Margin = 1.5;
    private const int Kept = 16;
    private static readonly TimeSpan PauseGap = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SameEditGap = TimeSpan.FromMilliseconds(5);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, TypingRhythm> _rhythms = new(StringComparer.Ordinal);
    private long _sessionTypicalGapTicks = -1;

    public TimeSpan Minimum => minimum;

    public TimeSpan Maximum => maximum;

    /// <summary>Records a keystroke (a change) in the document.</summary>
    public void Keystroke(string documentUri)
    {
        long now = _time.GetTimestamp();
        TypingRhythm rhythm = _rhythms.AddOrUpdate(
            documentUri,
            _ => new TypingRhythm(now, []),
            (_, previous) =>
            {
                TimeSpan gap = _time.GetElapsedTime(previous.LastKeystroke, now);

                // The rest of one edit is no gap; the wait still counts from it, so a change the server took late (a
                // busy machine) never shortens the wait of the request that follows it.
                return previous.After(now, gap >= SameEditGap && gap <= PauseGap ? gap : null, Kept);
            });
        if (rhythm.TypicalGap is { } typical)
        {
            Interlocked.Exchange(ref _sessionTypicalGapTicks, typical.Ticks);
        }
    }

    /// <summary>How long an automatic completion asked for now should wait before it reaches the model.</summary>
    public TimeSpan Next(string documentUri)
    {
        if (!_rhythms.TryGetValue(documentUri, out TypingRhythm? rhythm))
        {
            // Never typed into: not typing.
            return minimum;
        }

        TimeSpan wait = Wait(rhythm.TypicalGap);
        TimeSpan left = wait - _time.GetElapsedTime(rhythm.LastKeystroke);
        return left < minimum ? minimum : left > maximum ? maximum : left;
    }

    /// <summary>The wait after a keystroke for a document whose typical gap is <paramref name="typicalGap"/>.</summary>
    private TimeSpan Wait(TimeSpan? typicalGap)
    {
        long session = Interlocked.Read(ref _sessionTypicalGapTicks);
        TimeSpan? known = typicalGap ?? (session >= 0 ? TimeSpan.FromTicks(session) : null);
        if (known is not { } gap)
        {
            return maximum;
        }

        TimeSpan wait = gap * Margin;
        return wait < minimum ? minimum : wait > maximum ? maximum : wait;
    }

    /// <summary>Forgets a closed document.</summary>
    public void Forget(string documentUri) => _rhythms.TryRemove(documentUri, out _);

    /// <summary>Waits out the delay; cancelled when the request is cancelled, replaced or its document changes.</summary>
    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, _time, cancellationToken);
}

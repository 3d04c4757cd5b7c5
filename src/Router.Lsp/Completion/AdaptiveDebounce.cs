using System.Collections.Concurrent;

namespace Router.Lsp.Completion;

/// <summary>How long a completion waits before it reaches the model, learnt from how fast the user types in each document.
/// While a request is still running when the next key arrives, the user is typing through suggestions: the wait becomes a
/// little longer than their usual gap between keys, so a burst sends one request at its pause instead of one per key (a pile
/// of stale requests is a known way to make an Ollama host unresponsive). A request after the last one was answered waits
/// only <see cref="Minimum"/>, and no wait is ever longer than <see cref="Maximum"/>.</summary>
internal sealed class AdaptiveDebounce(TimeSpan minimum, TimeSpan maximum, TimeProvider? time = null)
{
    // Gaps longer than this are pauses, not typing rhythm.
    private static readonly TimeSpan TypingGap = TimeSpan.FromSeconds(1);

    private const double Weight = 0.3;
    private const double Margin = 1.5;

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, TypingRhythm> _rhythms = new(StringComparer.Ordinal);

    public TimeSpan Minimum => minimum;

    public TimeSpan Maximum => maximum;

    /// <summary>Records a completion request for the document and returns how long it should wait.</summary>
    /// <param name="supersedes">An earlier request for the document was still running: the user is typing through.</param>
    public TimeSpan Next(string documentUri, bool supersedes)
    {
        DateTimeOffset now = _time.GetUtcNow();
        TypingRhythm rhythm = _rhythms.AddOrUpdate(
            documentUri,
            _ => new TypingRhythm(now, null),
            (_, previous) =>
            {
                TimeSpan gap = now - previous.LastRequest;
                if (!supersedes || gap > TypingGap || gap < TimeSpan.Zero)
                {
                    // Not rhythm: a wait on our own answer, or a pause.
                    return previous with { LastRequest = now };
                }

                TimeSpan average = previous.AverageGap is { } known ? (known * (1 - Weight)) + (gap * Weight) : gap;
                return new TypingRhythm(now, average);
            });
        TimeSpan delay = supersedes && rhythm.AverageGap is { } typical ? typical * Margin : minimum;
        return delay < minimum ? minimum : delay > maximum ? maximum : delay;
    }

    /// <summary>Forgets a closed document.</summary>
    public void Forget(string documentUri) => _rhythms.TryRemove(documentUri, out _);

    /// <summary>Waits out the delay; cancelled when a newer request supersedes this one.</summary>
    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, _time, cancellationToken);
}

namespace Router.Lsp.Completion;

/// <summary>When a document was last typed into (a <see cref="TimeProvider"/> timestamp) and its most recent gaps between keystrokes.</summary>
internal sealed record TypingRhythm(long LastKeystroke, IReadOnlyList<TimeSpan> RecentGaps)
{
    /// <summary>The median of <see cref="RecentGaps"/>; null before the second keystroke.</summary>
    public TimeSpan? TypicalGap
    {
        get
        {
            if (RecentGaps.Count == 0)
            {
                return null;
            }

            TimeSpan[] sorted = [.. RecentGaps];
            Array.Sort(sorted);
            int middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    /// <summary>This rhythm after a keystroke at <paramref name="now"/>; <paramref name="gap"/> is recorded when it is typing rhythm.</summary>
    public TypingRhythm After(long now, TimeSpan? gap, int keep) =>
        gap is not { } typed
            ? this with { LastKeystroke = now }
            : new TypingRhythm(now, [.. RecentGaps.Skip(Math.Max(0, RecentGaps.Count + 1 - keep)), typed]);
}

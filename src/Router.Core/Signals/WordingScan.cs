using System.Text.RegularExpressions;

namespace Router.Core.Signals;

/// <summary>One text read by a <see cref="WordingScanner"/>: answers, for each of its patterns, exactly what the plain
/// pattern would (leftmost-first), trying it only at the words its matches can begin with.</summary>
internal sealed class WordingScan
{
    private readonly WordingScanner _scanner;
    private readonly string _text;
    private readonly List<WordStart> _starts;
    private readonly ulong _mayMatch;
    private readonly ulong _everyPosition;

    /// <param name="mayMatch">Patterns whose required words occur (or that need none).</param>
    /// <param name="everyPosition">Patterns to try at every position: the text holds a character only the regex engine
    /// reads as one of their start words' letters or digits.</param>
    /// <param name="hasWholeWord">Whether one of the scanner's whole words occurs.</param>
    /// <param name="hasGateWord">Whether one of the scanner's gate words occurs.</param>
    internal WordingScan(
        WordingScanner scanner, string text, List<WordStart> starts, ulong mayMatch, ulong everyPosition, bool hasWholeWord, bool hasGateWord)
    {
        HasWholeWord = hasWholeWord;
        HasGateWord = hasGateWord;
        _scanner = scanner;
        _text = text;
        _starts = starts;
        _mayMatch = mayMatch;
        _everyPosition = everyPosition;
    }

    /// <summary>Whether the text holds one of the scanner's whole words: a run of letters, digits and '_' equal to one
    /// (ignoring case), or such a run with the '#' and '+' after it ("C#", "c++").</summary>
    public bool HasWholeWord { get; }

    /// <summary>Whether a word of the text begins with one of the scanner's gate words (or is one, for whole ones),
    /// ignoring case; only words of ASCII letters and digits are read.</summary>
    public bool HasGateWord { get; }

    /// <summary>Whether <paramref name="pattern"/> (one of the scanner's) matches anywhere in the text.</summary>
    public bool IsMatch(WordingPattern pattern)
    {
        ulong bit = _scanner.BitOf(pattern);
        if ((_mayMatch & bit) == 0)
        {
            return false;
        }

        Regex anchored = pattern.Anchored;
        ReadOnlySpan<char> text = _text;
        if ((_everyPosition & bit) != 0)
        {
            for (int at = 0; at < text.Length; at++)
            {
                if (anchored.IsMatch(text, at))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (WordStart start in _starts)
        {
            if ((start.Patterns & bit) != 0 && anchored.IsMatch(text, start.Position))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many distinct texts (ignoring case) the leftmost-first matches of <paramref name="pattern"/> (one of
    /// the scanner's) hold, counting up to <paramref name="enough"/>.</summary>
    public int CountDistinct(WordingPattern pattern, int enough)
    {
        ulong bit = _scanner.BitOf(pattern);
        if ((_mayMatch & bit) == 0)
        {
            return 0;
        }

        Regex anchored = pattern.Anchored;
        HashSet<string>? seen = null;
        int next = 0;
        if ((_everyPosition & bit) != 0)
        {
            for (int at = 0; at < _text.Length && (seen?.Count ?? 0) < enough; at = Math.Max(at + 1, next))
            {
                next = TryAt(anchored, at, ref seen);
            }

            return seen?.Count ?? 0;
        }

        foreach (WordStart start in _starts)
        {
            if ((start.Patterns & bit) == 0 || start.Position < next)
            {
                continue;
            }

            next = TryAt(anchored, start.Position, ref seen);
            if (seen is not null && seen.Count >= enough)
            {
                break;
            }
        }

        return seen?.Count ?? 0;
    }

    // The position after a match at `at` (matches do not overlap), or `at` itself when there is none.
    private int TryAt(Regex anchored, int at, ref HashSet<string>? seen)
    {
        Match match = anchored.Match(_text, at);
        if (!match.Success)
        {
            return at;
        }

        seen ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        seen.Add(match.Value);
        return at + Math.Max(1, match.Length);
    }
}

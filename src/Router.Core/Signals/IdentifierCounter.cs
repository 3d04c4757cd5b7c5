using System.Buffers;
using System.Text.RegularExpressions;

namespace Router.Core.Signals;

/// <summary>Counts the distinct identifiers in a text: camelCase and snake_case names, calls, member access, generics and
/// <c>::</c> scopes.</summary>
/// <remarks>
/// The count is the one that enumerating <see cref="Pattern"/>'s matches from the start of the text gives, found without
/// trying the pattern at every letter. Every match holds a mark: '_', '(', '&lt;', "::", a '.' before a lower-case letter
/// or '_', or a lower-case letter or digit before an upper-case one. Every match starts a run of word characters, and
/// that run holds its first mark or ends just before it. So the leftmost match from a place starts no earlier than the
/// run of the first mark from there: the pattern is tried, anchored, at that run's start, and if it fails there, the
/// search goes on after the mark. Prose without marks costs one vectorised search.
/// </remarks>
internal static partial class IdentifierCounter
{
    internal const string Pattern = @"\b[a-z][a-z0-9]+[A-Z][A-Za-z0-9]*\b|\b[a-z][a-z0-9]*_[a-z0-9_]*[a-z0-9]\b|\b[A-Za-z_]\w+\.[a-z_]\w+\(|\b[a-z_][a-z0-9_]+\.[a-z_][A-Za-z0-9_]+(?:\.[A-Za-z_]\w*)*\b(?<!\.(?:com|org|net|io|dev|txt|md|html?|pdf|csv))|\b[A-Za-z_]\w*\((?:[^()\n]{0,40})\)|\b[A-Z]\w*<[A-Z]\w*(?:,\s*\w+)*>|\b\w+::\w+";

    /// <summary>Most distinct identifiers counted; the callers need to tell one, two and "several" apart.</summary>
    public const int MaxCounted = 3;

    private static readonly SearchValues<char> Marks = SearchValues.Create("_(<:.");

    /// <summary>Distinct identifiers (ignoring case) in <paramref name="text"/>, up to <see cref="MaxCounted"/>.</summary>
    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReadOnlySpan<char> span = text;
        Span<int> seenStarts = stackalloc int[MaxCounted];
        Span<int> seenLengths = stackalloc int[MaxCounted];
        int count = 0;
        for (int position = 0; count < MaxCounted;)
        {
            int mark = NextMark(span, position);
            if (mark < 0)
            {
                break;
            }

            // Back to the start of the mark's run of word characters; anything not ASCII may be a word character.
            int start = mark;
            bool ascii = true;
            while (start > position && (span[start - 1] == '_' || char.IsAsciiLetterOrDigit(span[start - 1]) || span[start - 1] > '\u007F'))
            {
                ascii &= span[start - 1] <= '\u007F';
                start--;
            }

            // Inside a run of ASCII word characters no match can start (\b); past other characters, any place may.
            int last = ascii ? start : mark;
            int matchEnd = -1;
            for (int at = start; at <= last && matchEnd < 0; at++)
            {
                if (ascii && !MayStartAt(span, at))
                {
                    break;
                }

                Regex.ValueMatchEnumerator matches = AtStart().EnumerateMatches(span, at);
                if (!matches.MoveNext())
                {
                    continue;
                }

                ValueMatch match = matches.Current;
                matchEnd = match.Index + match.Length;
                if (!Seen(span, match, seenStarts[..count], seenLengths[..count]))
                {
                    seenStarts[count] = match.Index;
                    seenLengths[count] = match.Length;
                    count++;
                }
            }

            position = matchEnd >= 0 ? matchEnd : mark + 1;
        }

        return count;
    }

    /// <summary>Whether a match may start at <paramref name="at"/>, the start of a run of ASCII word characters: false only
    /// when no shape fits the run and the character after it, which spares most calls of the regex in code.</summary>
    private static bool MayStartAt(ReadOnlySpan<char> text, int at)
    {
        if (at > 0 && IsAsciiWordChar(text[at - 1]))
        {
            return false;
        }

        int end = at;
        bool snake = false;
        bool camel = false;
        while (end < text.Length && IsAsciiWordChar(text[end]))
        {
            snake |= text[end] == '_';
            camel |= end > at && char.IsAsciiLetterUpper(text[end]) && (char.IsAsciiLetterLower(text[end - 1]) || char.IsAsciiDigit(text[end - 1]));
            end++;
        }

        if (end == at)
        {
            return false;
        }

        // A character past ASCII may be a word character that continues the run: leave that to the regex.
        char after = end < text.Length ? text[end] : '\0';
        char next = end + 1 < text.Length ? text[end + 1] : '\0';
        char first = text[at];
        return after > '\u007F'
            || (char.IsAsciiLetterLower(first) && (snake || camel))
            || (after == '.' && (next == '_' || char.IsAsciiLetterLower(next)))
            || (after == '(' && !char.IsAsciiDigit(first))
            || (after == '<' && char.IsAsciiLetterUpper(first) && char.IsAsciiLetterUpper(next))
            || (after == ':' && next == ':');
    }

    private static bool IsAsciiWordChar(char c) => c == '_' || char.IsAsciiLetterOrDigit(c);

    private static bool Seen(ReadOnlySpan<char> text, ValueMatch match, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths)
    {
        ReadOnlySpan<char> value = text.Slice(match.Index, match.Length);
        for (int i = 0; i < starts.Length; i++)
        {
            if (value.Equals(text.Slice(starts[i], lengths[i]), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first mark at or after <paramref name="from"/> (for a lower-case letter or digit before an upper-case
    /// one, the place of the former), or -1.</summary>
    private static int NextMark(ReadOnlySpan<char> span, int from)
    {
        int mark = -1;
        for (int i = IndexOfAny(span, from, Marks); i >= 0; i = IndexOfAny(span, i + 1, Marks))
        {
            char c = span[i];
            bool isMark = c is '_' or '(' or '<'
                || (c == ':' && i + 1 < span.Length && span[i + 1] == ':')
                || (c == '.' && i + 1 < span.Length && (span[i + 1] == '_' || char.IsAsciiLetterLower(span[i + 1])));
            if (isMark)
            {
                mark = i;
                break;
            }
        }

        int limit = mark < 0 ? span.Length : mark;
        for (int i = from + 1; i < limit; i++)
        {
            int upper = span[i..limit].IndexOfAnyInRange('A', 'Z');
            if (upper < 0)
            {
                break;
            }

            i += upper;
            if (char.IsAsciiLetterLower(span[i - 1]) || char.IsAsciiDigit(span[i - 1]))
            {
                return i - 1;
            }
        }

        return mark;
    }

    private static int IndexOfAny(ReadOnlySpan<char> span, int from, SearchValues<char> values)
    {
        if (from >= span.Length)
        {
            return -1;
        }

        int found = span[from..].IndexOfAny(values);
        return found < 0 ? -1 : from + found;
    }

    [GeneratedRegex(@"\G(?:" + Pattern + ")", RegexOptions.CultureInvariant)]
    private static partial Regex AtStart();
}

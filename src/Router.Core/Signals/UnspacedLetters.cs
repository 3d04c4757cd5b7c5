using System.Buffers;

namespace Router.Core.Signals;

/// <summary>Letters of scripts that attach words to each other or to particles: Chinese and Japanese characters, kana
/// and Hangul. A regex's <c>\b</c> sees no boundary between one of them and a Latin letter or digit ("证明2^n",
/// "ZeroDivisionError가", "用userId"), where a reader sees one.</summary>
internal static class UnspacedLetters
{
    /// <summary>The text with each such letter (or CJK punctuation) that touches an ASCII letter, digit or '_' replaced by
    /// a space (the same length, so positions agree), or the text itself when none does.</summary>
    public static string AsSpaces(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReadOnlySpan<char> span = text;
        if (!HoldsUnspaced(span))
        {
            return text;
        }

        // The edges are next to runs of ASCII word characters, which such text holds few of: visit those runs.
        List<int>? edges = null;
        for (int start = span.IndexOfAny(AsciiWord); start >= 0;)
        {
            int length = span[start..].IndexOfAnyExcept(AsciiWord);
            int end = length < 0 ? span.Length : start + length;
            if (start > 0 && IsUnspaced(span[start - 1]))
            {
                (edges ??= []).Add(start - 1);
            }

            if (end < span.Length && IsUnspaced(span[end]))
            {
                (edges ??= []).Add(end);
            }

            int next = end < span.Length ? span[end..].IndexOfAny(AsciiWord) : -1;
            start = next < 0 ? -1 : end + next;
        }

        if (edges is null)
        {
            return text;
        }

        return string.Create(text.Length, (text, edges), static (chars, state) =>
        {
            state.text.AsSpan().CopyTo(chars);
            foreach (int edge in state.edges)
            {
                chars[edge] = ' ';
            }
        });
    }

    private static readonly SearchValues<char> AsciiWord = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

    /// <summary>Whether the text holds such a character; all are at U+1100 or above, so text below is skipped by a
    /// vectorised search and English text costs one search however long it is.</summary>
    private static bool HoldsUnspaced(ReadOnlySpan<char> span)
    {
        for (int at = span.IndexOfAnyExceptInRange('\0', '\u10FF'); at >= 0;)
        {
            if (IsUnspaced(span[at]))
            {
                return true;
            }

            int next = span[(at + 1)..].IndexOfAnyExceptInRange('\0', '\u10FF');
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }

    private static bool IsUnspaced(char c) =>
        c is >= '\u3000' and <= '\u30FF'
            or >= '\u4E00' and <= '\u9FFF'
            or >= '\uAC00' and <= '\uD7AF'
            or >= '\u3400' and <= '\u4DBF'
            or >= '\uFF00' and <= '\uFFEF'
            or >= '\u1100' and <= '\u11FF'
            or >= '\u3130' and <= '\u318F'
            or >= '\u31F0' and <= '\u31FF'
            or >= '\uF900' and <= '\uFAFF';

    private static bool IsAsciiWord(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}

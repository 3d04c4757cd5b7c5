namespace Router.Core.Privacy;

/// <summary>A maximal run of digits in text, possibly grouped by single spaces or dashes ("5351-2220-1965-1383", "416 68 5247").</summary>
/// <param name="Start">Index of the first digit.</param>
/// <param name="End">Index just past the last digit.</param>
/// <param name="Digits">How many digits, separators not counted.</param>
/// <param name="Groups">How many digit groups.</param>
/// <param name="Separator">The separator between groups, or '\0' for one group.</param>
/// <param name="ConsistentSeparator">Every separator is the same character.</param>
internal readonly record struct NumberRun(int Start, int End, int Digits, int Groups, char Separator, bool ConsistentSeparator)
{
    /// <summary>Reads the run that starts at <paramref name="start"/>, which must be a digit.</summary>
    public static NumberRun Read(ReadOnlySpan<char> text, int start)
    {
        int end = start;
        int digits = 0;
        int groups = 1;
        char separator = '\0';
        bool consistent = true;
        while (true)
        {
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
                digits++;
            }

            if (end + 1 < text.Length && text[end] is ' ' or '-' && char.IsAsciiDigit(text[end + 1]))
            {
                consistent &= separator == '\0' || separator == text[end];
                separator = text[end];
                groups++;
                end++;
                continue;
            }

            return new NumberRun(start, end, digits, groups, separator, consistent);
        }
    }

    /// <summary>Lengths of the digit groups, at most <paramref name="lengths"/>.Length of them.</summary>
    public int GroupLengths(ReadOnlySpan<char> text, Span<int> lengths)
    {
        int count = 0;
        int current = 0;
        for (int i = Start; i < End && count < lengths.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                current++;
            }
            else
            {
                lengths[count++] = current;
                current = 0;
            }
        }

        if (count < lengths.Length)
        {
            lengths[count++] = current;
        }

        return count;
    }

    /// <summary>Nothing word-like or numeric touches the run: it is not part of an identifier, a hash, a decimal or a longer number.</summary>
    public bool IsStandalone(ReadOnlySpan<char> text)
    {
        if (Start > 0)
        {
            char before = text[Start - 1];
            if (char.IsAsciiLetterOrDigit(before) || before is '_' or '.' or '/' or '\\' || (before is '-' or '+' && Start > 1 && char.IsAsciiLetterOrDigit(text[Start - 2])))
            {
                return false;
            }
        }

        if (End < text.Length)
        {
            char after = text[End];
            if (char.IsAsciiLetterOrDigit(after) || after is '_' || (after is '.' or '-' or ',' && End + 1 < text.Length && char.IsAsciiDigit(text[End + 1])))
            {
                return false;
            }
        }

        return true;
    }
}

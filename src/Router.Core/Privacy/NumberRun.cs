namespace Router.Core.Privacy;

/// <summary>
/// A maximal run of digits in text, possibly grouped by single spaces, dashes, dots or slashes ("5351-2220-1965-1383",
/// "416 68 5247", "123.456.789-09", "12.345.678/0001-95").
/// </summary>
/// <param name="Start">Index of the first digit.</param>
/// <param name="End">Index just past the last digit.</param>
/// <param name="Digits">How many digits, separators not counted.</param>
/// <param name="Groups">How many digit groups.</param>
/// <param name="Separator">The separator between groups (the last one where they differ), or '\0' for one group.</param>
/// <param name="ConsistentSeparator">Every separator is the same character.</param>
/// <param name="Punctuated">Some separator is a dot or a slash, as in decimals, versions, dates and Brazilian numbers.</param>
internal readonly record struct NumberRun(int Start, int End, int Digits, int Groups, char Separator, bool ConsistentSeparator, bool Punctuated)
{
    /// <summary>Reads the run that starts at <paramref name="start"/>, which must be a digit.</summary>
    public static NumberRun Read(ReadOnlySpan<char> text, int start)
    {
        int end = start;
        int digits = 0;
        int groups = 1;
        char separator = '\0';
        bool consistent = true;
        bool punctuated = false;
        while (true)
        {
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
                digits++;
            }

            if (end + 1 < text.Length && text[end] is ' ' or '-' or '.' or '/' && char.IsAsciiDigit(text[end + 1]))
            {
                consistent &= separator == '\0' || separator == text[end];
                punctuated |= text[end] is '.' or '/';
                separator = text[end];
                groups++;
                end++;
                continue;
            }

            return new NumberRun(start, end, digits, groups, separator, consistent, punctuated);
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

    /// <summary>Twelve digits as written bare or in groups of four, by spaces or dashes (Aadhaar, My Number).</summary>
    public bool IsTwelveInFours(ReadOnlySpan<char> text) =>
        Groups == 1 || IsWrittenAs(text, "0000 0000 0000") || IsWrittenAs(text, "0000-0000-0000");

    /// <summary>
    /// Whether the run is written exactly as <paramref name="pattern"/>, where '0' stands for any digit and every other
    /// character for itself: "000.000.000-00".
    /// </summary>
    public bool IsWrittenAs(ReadOnlySpan<char> text, ReadOnlySpan<char> pattern)
    {
        ReadOnlySpan<char> raw = text[Start..End];
        if (raw.Length != pattern.Length)
        {
            return false;
        }

        for (int i = 0; i < raw.Length; i++)
        {
            if (pattern[i] == '0' ? !char.IsAsciiDigit(raw[i]) : raw[i] != pattern[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Copies the run's digits, as numbers 0–9, into <paramref name="digits"/>, which holds at least <see cref="Digits"/>.</summary>
    public ReadOnlySpan<int> CopyDigits(ReadOnlySpan<char> text, Span<int> digits)
    {
        int n = 0;
        foreach (char c in text[Start..End])
        {
            if (char.IsAsciiDigit(c))
            {
                digits[n++] = c - '0';
            }
        }

        return digits[..n];
    }

    /// <summary>Nothing word-like or numeric touches the start of the run: it does not continue an identifier, a hash or a path.</summary>
    public bool StartsStandalone(ReadOnlySpan<char> text)
    {
        if (Start == 0)
        {
            return true;
        }

        char before = text[Start - 1];
        return !(char.IsAsciiLetterOrDigit(before) || before is '_' or '.' or '/' or '\\'
            || (before is '-' or '+' && Start > 1 && char.IsAsciiLetterOrDigit(text[Start - 2])));
    }

    /// <summary>Nothing word-like or numeric touches the run: it is not part of an identifier, a hash, a decimal or a longer number.</summary>
    public bool IsStandalone(ReadOnlySpan<char> text) => StartsStandalone(text) && EndsStandalone(text);

    /// <summary>Nothing word-like or numeric touches the end of the run: it does not go on as an identifier, a decimal or a longer number.</summary>
    public bool EndsStandalone(ReadOnlySpan<char> text)
    {
        if (End >= text.Length)
        {
            return true;
        }

        char after = text[End];
        return !(char.IsAsciiLetterOrDigit(after) || after is '_' || (after is '.' or '-' or ',' && End + 1 < text.Length && char.IsAsciiDigit(text[End + 1])));
    }
}

namespace Router.Core.Privacy;

/// <summary>Small checks that national identity numbers share: dummy numbers, birth dates, where a written number ends.</summary>
internal static class IdDigits
{
    /// <summary>How many different digits occur; "111.111.111-11" and "000000000" pass some checksums but identify nobody.</summary>
    public static int DistinctDigits(ReadOnlySpan<int> digits)
    {
        int seen = 0;
        foreach (int digit in digits)
        {
            seen |= 1 << digit;
        }

        return System.Numerics.BitOperations.PopCount((uint)seen);
    }

    /// <summary>The number the digits spell, most significant first.</summary>
    public static long Value(ReadOnlySpan<int> digits)
    {
        long value = 0;
        foreach (int digit in digits)
        {
            value = value * 10 + digit;
        }

        return value;
    }

    /// <summary>Whether the day exists in that month of that year.</summary>
    public static bool IsDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    /// <summary>Nothing word-like continues the text at <paramref name="index"/>: the identifier written before it is complete.</summary>
    public static bool EndsWord(ReadOnlySpan<char> text, int index) =>
        index >= text.Length || !(char.IsAsciiLetterOrDigit(text[index]) || text[index] == '_');
}

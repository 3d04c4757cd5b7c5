namespace Router.Core.Privacy;

/// <summary>
/// Italian fiscal codes (codice fiscale), found by their shape: six letters for the names, year, month letter, day
/// (plus 40 for women), a place code and a check letter from the odd/even tables: "RSSMRA85T10A562S". Where two people
/// would share a code, its digits are replaced from the right by the letters L–V (omocodia).
/// </summary>
internal static class ItalianFiscalCodeDetector
{
    private const int Length = 16;
    private const int NameLetters = 6;
    private const string MonthLetters = "ABCDEHLMPRST";

    // Values of the characters in odd places (1st, 3rd, …) for 0–9 and A–Z; digits in even places count as themselves
    // and letters as A = 0 … Z = 25.
    private static readonly int[] OddValues =
    [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21,
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
    ];

    // Places of the digits, in the order omocodia replaces them.
    private static readonly int[] DigitPlaces = [14, 13, 12, 10, 9, 7, 6];

    /// <summary>A finding when the code starts at <paramref name="start"/>, where a run of capitals starts after nothing word-like.</summary>
    public static PrivacyFinding? Inspect(ReadOnlySpan<char> text, int start, in TextScanContext context) =>
        start + Length <= text.Length && IdDigits.EndsWord(text, start + Length) && IsFiscalCode(text.Slice(start, Length))
            ? new PrivacyFinding("it-codice-fiscale", context.Field, $"Italian fiscal code (codice fiscale) in {context.Field}")
            : null;

    private static bool IsFiscalCode(ReadOnlySpan<char> code)
    {
        for (int i = 0; i < NameLetters; i++)
        {
            if (!char.IsAsciiLetterUpper(code[i]))
            {
                return false;
            }
        }

        // Digits may turn into letters only from the right: once a place holds a digit, every place before it does.
        bool replaced = true;
        foreach (int place in DigitPlaces)
        {
            char c = code[place];
            if (char.IsAsciiDigit(c))
            {
                replaced = false;
            }
            else if (!replaced || DigitOf(c) < 0)
            {
                return false;
            }
        }

        int day = DigitOf(code[9]) * 10 + DigitOf(code[10]);
        if (!MonthLetters.Contains(code[8]) || day is 0 or (> 31 and < 41) or > 71)
        {
            return false;
        }

        // Places start with A–M (Italian municipalities) or Z (countries abroad).
        if (code[11] is not ((>= 'A' and <= 'M') or 'Z') || !char.IsAsciiLetterUpper(code[15]))
        {
            return false;
        }

        int sum = 0;
        for (int i = 0; i < Length - 1; i++)
        {
            char c = code[i];
            int index = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            sum += i % 2 == 0 ? OddValues[index] : (char.IsAsciiDigit(c) ? c - '0' : c - 'A');
        }

        return code[15] == (char)('A' + sum % 26);
    }

    // A digit, or the letter omocodia puts in its place (L = 0 … V = 9, without O), or -1.
    private static int DigitOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'L' and <= 'N' => c - 'L',
        >= 'P' and <= 'V' => c - 'P' + 3,
        _ => -1,
    };
}

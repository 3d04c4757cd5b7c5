namespace Router.Core.Privacy;

/// <summary>
/// Whether the text names a kind of number close to where one is written ("PESEL: 44051401359", "123456782 is mijn BSN").
/// Plain digit runs of common lengths are orders, timestamps and phone numbers far more often than identity numbers,
/// so for those the text must say what the number is.
/// </summary>
internal static class NearbyKeyword
{
    private const int WindowBefore = 48;
    private const int WindowAfter = 32;

    // Short keywords ("BSN", "NIE", "CPF") also start or end ordinary words ("niedrig", "unify"), so they must stand alone.
    private const int MaxShortKeyword = 5;

    /// <summary>Each keyword as written and, where it has spaces, as code spells it: "carte_vitale", "carte-vitale", "carteVitale".</summary>
    public static string[] Spellings(params string[] keywords) =>
    [
        .. keywords.SelectMany(keyword => keyword.Contains(' ', StringComparison.Ordinal)
            ? new[] { keyword, keyword.Replace(' ', '_'), keyword.Replace(' ', '-'), keyword.Replace(" ", "", StringComparison.Ordinal) }
            : [keyword]),
    ];

    /// <summary>Whether one of <paramref name="keywords"/>, in any casing, occurs shortly before <paramref name="start"/> or after <paramref name="end"/>.</summary>
    public static bool IsNear(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<string> keywords) =>
        IsNear(text, start, end, keywords, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether one of <paramref name="keywords"/>, compared as <paramref name="comparison"/> says, occurs shortly before <paramref name="start"/> or after <paramref name="end"/>.</summary>
    /// <remarks>Ordinal for keywords that are also common words in another casing: Chilean "RUN", English "run".</remarks>
    public static bool IsNear(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<string> keywords, StringComparison comparison)
    {
        int before = Math.Max(0, start - WindowBefore);
        int after = Math.Min(text.Length, end + WindowAfter);
        foreach (string keyword in keywords)
        {
            if (Occurs(text, before, start, keyword, comparison) || Occurs(text, end, after, keyword, comparison))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Occurs(ReadOnlySpan<char> text, int from, int to, string keyword, StringComparison comparison)
    {
        while (from < to)
        {
            int found = text[from..to].IndexOf(keyword, comparison);
            if (found < 0)
            {
                return false;
            }

            int at = from + found;
            if (keyword.Length > MaxShortKeyword || (IsWordBoundary(text, at) && EndsWord(text, at + keyword.Length)))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }

    // Words part where a Latin or Cyrillic letter does not meet another, or at a capital after a small letter ("patientBsn",
    // "cpfTitular"). Chinese, Japanese and Korean write keywords against the next word without a space ("CPF是"), so only
    // scripts that put spaces between words count.
    private static bool IsWordBoundary(ReadOnlySpan<char> text, int index) =>
        index <= 0 || index >= text.Length || !IsSpacedScriptLetter(text[index - 1]) || !IsSpacedScriptLetter(text[index])
        || (char.IsLower(text[index - 1]) && char.IsUpper(text[index]));

    // Russian declines an abbreviation with a small ending ("СНИЛСа", "ИННом"), while "инновации" holds "инн" in small letters.
    private static bool EndsWord(ReadOnlySpan<char> text, int index) =>
        IsWordBoundary(text, index) || (IsCyrillicLetter(text[index - 1]) && char.IsUpper(text[index - 1]) && IsCyrillicLetter(text[index]) && char.IsLower(text[index]));

    private static bool IsSpacedScriptLetter(char c) => (c < '\u0250' || IsCyrillicLetter(c)) && char.IsLetter(c);

    private static bool IsCyrillicLetter(char c) => c is >= '\u0400' and <= '\u04FF' && char.IsLetter(c);
}

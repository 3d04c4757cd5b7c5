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
    public static bool IsNear(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<string> keywords)
    {
        int before = Math.Max(0, start - WindowBefore);
        int after = Math.Min(text.Length, end + WindowAfter);
        foreach (string keyword in keywords)
        {
            if (Occurs(text, before, start, keyword) || Occurs(text, end, after, keyword))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Occurs(ReadOnlySpan<char> text, int from, int to, string keyword)
    {
        while (from < to)
        {
            int found = text[from..to].IndexOf(keyword, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            int at = from + found;
            if (keyword.Length > MaxShortKeyword || (IsWordBoundary(text, at) && IsWordBoundary(text, at + keyword.Length)))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }

    // Words part where a Latin letter does not meet another, or at a capital after a small letter ("patientBsn", "cpfTitular").
    // Chinese, Japanese and Korean write keywords against the next word without a space ("CPF是"), so only Latin counts.
    private static bool IsWordBoundary(ReadOnlySpan<char> text, int index) =>
        index <= 0 || index >= text.Length || !IsLatinLetter(text[index - 1]) || !IsLatinLetter(text[index])
        || (char.IsLower(text[index - 1]) && char.IsUpper(text[index]));

    private static bool IsLatinLetter(char c) => c < '\u0250' && char.IsLetter(c);
}

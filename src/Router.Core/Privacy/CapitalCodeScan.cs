namespace Router.Core.Privacy;

/// <summary>
/// Finds identity codes that hold a run of six capital letters: the Italian fiscal code starts with one
/// ("RSSMRA85T10A562S"), and the Mexican CURP has one after its birth date ("LOPJ900215HDFPRN05").
/// </summary>
internal static class CapitalCodeScan
{
    private const int RunLength = 6;

    public static PrivacyFinding? Find(ReadOnlySpan<char> text, in TextScanContext context)
    {
        // Looking at every sixth character finds one letter of every run of six capitals; most characters of code and
        // prose are not capitals, and the loop moves on.
        for (int probe = RunLength - 1; probe < text.Length; probe += RunLength)
        {
            if (!char.IsAsciiLetterUpper(text[probe]))
            {
                continue;
            }

            int start = probe;
            while (start > 0 && probe - start < RunLength - 1 && char.IsAsciiLetterUpper(text[start - 1]))
            {
                start--;
            }

            char before = start > 0 ? text[start - 1] : ' ';
            PrivacyFinding? finding = char.IsAsciiDigit(before) ? MexicanCurpDetector.Inspect(text, start, context)
                : char.IsAsciiLetter(before) || before == '_' ? null
                : ItalianFiscalCodeDetector.Inspect(text, start, context);
            if (finding is not null)
            {
                return finding;
            }
        }

        return null;
    }
}

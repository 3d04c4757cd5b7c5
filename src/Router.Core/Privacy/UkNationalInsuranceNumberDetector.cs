namespace Router.Core.Privacy;

/// <summary>UK National Insurance numbers: two prefix letters, six digits (maybe in pairs) and a suffix letter A–D, "AB 12 34 56 C".</summary>
internal sealed class UkNationalInsuranceNumberDetector : INumberRunDetector
{
    public bool HandlesDigitCount(int digits) => digits == 6;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context) =>
        IsNationalInsuranceNumber(text, run) ? new PrivacyFinding("uk-nino", context.Field, $"UK National Insurance number in {context.Field}") : null;

    private static bool IsNationalInsuranceNumber(ReadOnlySpan<char> text, NumberRun run)
    {
        if (run.Punctuated || !(run.Groups == 1 || (run.Groups == 3 && run.Separator == ' ' && run.End - run.Start == 8)))
        {
            return false;
        }

        int prefixEnd = run.Start > 0 && text[run.Start - 1] == ' ' ? run.Start - 1 : run.Start;
        if (prefixEnd < 2 || !IsPrefixLetter(text[prefixEnd - 2], first: true) || !IsPrefixLetter(text[prefixEnd - 1], first: false))
        {
            return false;
        }

        if (prefixEnd > 2 && char.IsAsciiLetterOrDigit(text[prefixEnd - 3]))
        {
            return false;
        }

        ReadOnlySpan<char> prefix = text.Slice(prefixEnd - 2, 2);
        if (prefix is "BG" or "GB" or "NK" or "KN" or "TN" or "NT" or "ZZ")
        {
            return false;
        }

        int suffix = run.End < text.Length && text[run.End] == ' ' ? run.End + 1 : run.End;
        if (suffix >= text.Length || text[suffix] is < 'A' or > 'D')
        {
            return false;
        }

        return suffix + 1 >= text.Length || !char.IsAsciiLetterOrDigit(text[suffix + 1]);
    }

    // The first letter is never D, F, I, Q, U or V; the second never D, F, I, O, Q, U or V.
    private static bool IsPrefixLetter(char c, bool first) =>
        char.IsAsciiLetterUpper(c) && c is not ('D' or 'F' or 'I' or 'Q' or 'U' or 'V') && (first || c != 'O');
}

namespace Router.Core.Privacy;

/// <summary>National identity numbers with their issuing rules: US Social Security numbers and UK National Insurance numbers.</summary>
internal sealed class NationalIdDetector : INumberRunDetector
{
    private const int KeywordWindow = 40;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context)
    {
        if (run.Digits == 9 && IsSocialSecurityNumber(text, run))
        {
            return new PrivacyFinding("us-ssn", context.Field, $"US Social Security number in {context.Field}");
        }

        if (run.Digits == 6 && IsNationalInsuranceNumber(text, run))
        {
            return new PrivacyFinding("uk-nino", context.Field, $"UK National Insurance number in {context.Field}");
        }

        return null;
    }

    private static bool IsSocialSecurityNumber(ReadOnlySpan<char> text, NumberRun run)
    {
        if (!run.ConsistentSeparator || !run.IsStandalone(text))
        {
            return false;
        }

        ReadOnlySpan<char> raw = text[run.Start..run.End];
        Span<char> digits = stackalloc char[9];
        if (run.Groups == 3 && raw.Length == 11 && raw[3] == raw[6])
        {
            raw[..3].CopyTo(digits);
            raw[4..6].CopyTo(digits[3..]);
            raw[7..].CopyTo(digits[5..]);
        }
        else if (run.Groups == 1)
        {
            // Nine bare digits are an SSN only where the text says so.
            ReadOnlySpan<char> before = text[Math.Max(0, run.Start - KeywordWindow)..run.Start];
            if (!before.Contains("ssn", StringComparison.OrdinalIgnoreCase) && !before.Contains("social security", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            raw.CopyTo(digits);
        }
        else
        {
            return false;
        }

        int area = (digits[0] - '0') * 100 + (digits[1] - '0') * 10 + (digits[2] - '0');
        int group = (digits[3] - '0') * 10 + (digits[4] - '0');
        bool serialZero = !digits[5..].ContainsAnyExcept('0');
        if (area is 0 or 666 or >= 900 || group == 0 || serialZero || DistinctDigits(digits) <= 3)
        {
            return false;
        }

        // Numbers the SSA voided after they were printed in advertising, and the classic "123-45-6789".
        return digits is not ("078051120" or "219099999" or "123456789") && !digits.StartsWith("98765432");
    }

    // "111-22-3333" and its kind are made up for documentation.
    private static int DistinctDigits(ReadOnlySpan<char> digits)
    {
        int seen = 0;
        foreach (char c in digits)
        {
            seen |= 1 << (c - '0');
        }

        return System.Numerics.BitOperations.PopCount((uint)seen);
    }

    private static bool IsNationalInsuranceNumber(ReadOnlySpan<char> text, NumberRun run)
    {
        if (!(run.Groups == 1 || (run.Groups == 3 && run.Separator == ' ' && run.End - run.Start == 8)))
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

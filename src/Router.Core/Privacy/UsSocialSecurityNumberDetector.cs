namespace Router.Core.Privacy;

/// <summary>US Social Security numbers: 123-45-6789 with a valid area, group and serial, or nine bare digits the text calls an SSN.</summary>
internal sealed class UsSocialSecurityNumberDetector : INumberRunDetector
{
    private const int KeywordWindow = 40;

    public bool HandlesDigitCount(int digits) => digits == 9;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context) =>
        IsSocialSecurityNumber(text, run) ? new PrivacyFinding("us-ssn", context.Field, $"US Social Security number in {context.Field}") : null;

    private static bool IsSocialSecurityNumber(ReadOnlySpan<char> text, NumberRun run)
    {
        if (!run.ConsistentSeparator || run.Punctuated || !run.IsStandalone(text))
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
}

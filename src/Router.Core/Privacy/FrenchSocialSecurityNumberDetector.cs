namespace Router.Core.Privacy;

/// <summary>
/// French social security numbers (NIR, numéro de sécurité sociale): sex, year, month, place of birth, order and a two-digit
/// key 97 − (first thirteen mod 97), written "1 85 05 78 006 084 91"; Corsica writes its department 2A or 2B.
/// </summary>
internal sealed class FrenchSocialSecurityNumberDetector : INumberRunDetector
{
    private const int Length = 15;

    private static readonly string[] Keywords = NearbyKeyword.Spellings(
        "NIR", "sécurité sociale", "securite sociale", "sécu", "secu", "INSEE", "carte vitale", "social security");

    // Sex and year, month, and the first digit of Corsica's department: "2 85 05 2" before "A 006 084 36".
    public bool HandlesDigitCount(int digits) => digits is Length or 6;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context)
    {
        if (run.Punctuated || !run.ConsistentSeparator || !run.StartsStandalone(text))
        {
            return null;
        }

        bool found = run.Digits == Length ? IsMainland(text, run) : IsCorsican(text, run);
        return found ? new PrivacyFinding("fr-nir", context.Field, $"French social security number (NIR) in {context.Field}") : null;
    }

    private static bool IsMainland(ReadOnlySpan<char> text, NumberRun run)
    {
        if (!run.IsStandalone(text))
        {
            return false;
        }

        Span<int> digits = stackalloc int[Length];
        run.CopyDigits(text, digits);
        if (!HasValidKey(digits, corsicaOffset: 0))
        {
            return false;
        }

        // Fifteen bare digits, or spaced some other way, must be named as the number.
        return run.IsWrittenAs(text, "0 00 00 00 000 000 00") || NearbyKeyword.IsNear(text, run.Start, run.End, Keywords);
    }

    private static bool IsCorsican(ReadOnlySpan<char> text, NumberRun run)
    {
        bool spaced = run.IsWrittenAs(text, "0 00 00 0");
        if (!(spaced || run.Groups == 1) || text[run.End - 1] != '2' || run.End >= text.Length || text[run.End] is not ('A' or 'B'))
        {
            return false;
        }

        ReadOnlySpan<char> rest = spaced ? " 000 000 00" : "00000000";
        int end = run.End + 1 + rest.Length;
        if (end > text.Length || !IdDigits.EndsWord(text, end))
        {
            return false;
        }

        Span<int> digits = stackalloc int[Length];
        run.CopyDigits(text, digits);
        int n = 7;
        for (int i = 0; i < rest.Length; i++)
        {
            char c = text[run.End + 1 + i];
            if (rest[i] == '0' ? !char.IsAsciiDigit(c) : c != rest[i])
            {
                return false;
            }

            if (rest[i] == '0')
            {
                digits[n++] = c - '0';
            }
        }

        // The key is computed with 2A read as 19 and 2B as 18; an older statement of the rule then takes 1 000 000 (2A) or
        // 2 000 000 (2B) off the number, and both are accepted.
        bool upper = text[run.End] == 'A';
        digits[5] = 1;
        digits[6] = upper ? 9 : 8;
        if (!HasValidKey(digits, corsicaOffset: 0) && !HasValidKey(digits, corsicaOffset: upper ? 1_000_000 : 2_000_000))
        {
            return false;
        }

        return spaced || NearbyKeyword.IsNear(text, run.Start, end, Keywords);
    }

    private static bool HasValidKey(ReadOnlySpan<int> digits, int corsicaOffset)
    {
        int sex = digits[0];
        int month = digits[3] * 10 + digits[4];
        int department = digits[5] * 10 + digits[6];
        int order = digits[10] * 100 + digits[11] * 10 + digits[12];
        int key = digits[13] * 10 + digits[14];

        // Sex 1 or 2 (3, 4, 7, 8 for numbers given provisionally); months 20–42 and 50–99 mark an unknown month.
        if (sex is not (1 or 2 or 3 or 4 or 7 or 8) || month is 0 or (> 12 and < 20) or (> 42 and < 50) || department == 0 || order == 0)
        {
            return false;
        }

        long number = IdDigits.Value(digits[..13]) - corsicaOffset;
        return key == 97 - (int)(number % 97);
    }
}

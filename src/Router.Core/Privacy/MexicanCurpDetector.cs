namespace Router.Core.Privacy;

/// <summary>
/// Mexican population registry codes (CURP), found by their shape: four letters of the names, the birth date YYMMDD, the
/// sex (H, M, X), the state of birth, three consonants of the names, a character that tells the century (a digit before
/// 2000, a letter since) and a check digit: "LOPJ900215HDFPRN05".
/// </summary>
internal static class MexicanCurpDetector
{
    private const int Length = 18;

    // Where the run of six capitals (sex, state, consonants) starts.
    private const int SexPlace = 10;

    // The 32 states as the registry abbreviates them, Mexico City as DF, and NE for births abroad.
    private const string States = "ASBCBSCCCLCMCSCHDFDGGTGRHGJCMCMNMSNTNLOCPLQTQRSPSLSRTCTSTLVZYNZSNE";

    /// <summary>A finding when a CURP has its run of six capitals at <paramref name="capitals"/>, just after the birth date.</summary>
    public static PrivacyFinding? Inspect(ReadOnlySpan<char> text, int capitals, in TextScanContext context)
    {
        int start = capitals - SexPlace;
        if (start < 0 || start + Length > text.Length || (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
            || !IdDigits.EndsWord(text, start + Length) || !IsCurp(text.Slice(start, Length)))
        {
            return null;
        }

        return new PrivacyFinding("mx-curp", context.Field, $"Mexican population registry code (CURP) in {context.Field}");
    }

    private static bool IsCurp(ReadOnlySpan<char> code)
    {
        // The second letter is the surname's first inner vowel, or X where it has none.
        if (!char.IsAsciiLetterUpper(code[0]) || code[1] is not ('A' or 'E' or 'I' or 'O' or 'U' or 'X')
            || !char.IsAsciiLetterUpper(code[2]) || !char.IsAsciiLetterUpper(code[3]))
        {
            return false;
        }

        for (int i = 4; i < SexPlace; i++)
        {
            if (!char.IsAsciiDigit(code[i]))
            {
                return false;
            }
        }

        if (code[SexPlace] is not ('H' or 'M' or 'X') || !IsState(code[11], code[12])
            || !IsConsonant(code[13]) || !IsConsonant(code[14]) || !IsConsonant(code[15])
            || !char.IsAsciiDigit(code[17]))
        {
            return false;
        }

        char century = code[16];
        if (!char.IsAsciiDigit(century) && !char.IsAsciiLetterUpper(century))
        {
            return false;
        }

        int year = (char.IsAsciiDigit(century) ? 1900 : 2000) + Number(code[4], code[5]);
        if (!IdDigits.IsDate(year, Number(code[6], code[7]), Number(code[8], code[9])))
        {
            return false;
        }

        // Characters count by their place in "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ", weighted 18 down to 2.
        int sum = 0;
        for (int i = 0; i < Length - 1; i++)
        {
            char c = code[i];
            int value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + (c > 'N' ? 11 : 10);
            sum += (Length - i) * value;
        }

        return (10 - sum % 10) % 10 == code[17] - '0';
    }

    private static bool IsState(char first, char second)
    {
        for (int i = 0; i < States.Length; i += 2)
        {
            if (States[i] == first && States[i + 1] == second)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsConsonant(char c) => char.IsAsciiLetterUpper(c) && c is not ('A' or 'E' or 'I' or 'O' or 'U');

    private static int Number(char tens, char units) => (tens - '0') * 10 + units - '0';
}

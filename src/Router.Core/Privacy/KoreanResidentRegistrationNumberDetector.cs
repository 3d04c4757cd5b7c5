namespace Router.Core.Privacy;

/// <summary>
/// South Korean resident registration numbers (주민등록번호), "YYMMDD-GNNNNNN": a birth date whose century and the holder's sex
/// the seventh digit gives, and, on numbers issued before October 2020, a check digit weighted 2–9, 2–5.
/// </summary>
internal sealed class KoreanResidentRegistrationNumberDetector : INumberRunDetector
{
    private static readonly int[] Weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

    private static readonly string[] Keywords = NearbyKeyword.Spellings("주민등록번호", "주민번호", "주민등록", "외국인등록번호", "RRN", "resident registration");

    public bool HandlesDigitCount(int digits) => digits == 13;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context)
    {
        bool dashed = run.IsWrittenAs(text, "000000-0000000");
        if (!(dashed || run.Groups == 1 || run.IsWrittenAs(text, "000000 0000000")) || !run.IsStandalone(text))
        {
            return null;
        }

        Span<int> buffer = stackalloc int[13];
        ReadOnlySpan<int> digits = run.CopyDigits(text, buffer);
        int century = digits[6] switch
        {
            1 or 2 or 5 or 6 => 1900,
            3 or 4 or 7 or 8 => 2000,
            _ => 1800,
        };
        int year = century + digits[0] * 10 + digits[1];
        if (!IdDigits.IsDate(year, digits[2] * 10 + digits[3], digits[4] * 10 + digits[5]))
        {
            return null;
        }

        // A dated serial such as a build number can pass one check digit in ten; without a keyword only the citizen form
        // born 1900–2099 counts. Numbers issued since October 2020 end in random digits, so only the text can tell them.
        bool found = HasCheckDigit(digits)
            ? (dashed && digits[6] is >= 1 and <= 4) || IsNamed(text, run)
            : year >= 2020 && IsNamed(text, run);
        if (!found)
        {
            return null;
        }

        return new PrivacyFinding("kr-rrn", context.Field, $"Korean resident registration number in {context.Field}");
    }

    private static bool IsNamed(ReadOnlySpan<char> text, NumberRun run) => NearbyKeyword.IsNear(text, run.Start, run.End, Keywords);

    // Citizens (sex digits 1–4, 9, 0) close with (11 − sum mod 11) mod 10; registered foreigners (5–8) with 13 in place of 11.
    private static bool HasCheckDigit(ReadOnlySpan<int> digits)
    {
        int sum = 0;
        for (int i = 0; i < Weights.Length; i++)
        {
            sum += Weights[i] * digits[i];
        }

        int basis = digits[6] is >= 5 and <= 8 ? 13 : 11;
        return (basis - sum % 11) % 10 == digits[12];
    }
}

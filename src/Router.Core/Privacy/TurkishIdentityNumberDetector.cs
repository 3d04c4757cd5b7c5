namespace Router.Core.Privacy;

/// <summary>
/// Turkish identity numbers (T.C. Kimlik No): eleven digits, the first not 0, the tenth and eleventh computed from the
/// ones before; named in the text.
/// </summary>
internal sealed class TurkishIdentityNumberDetector : INumberRunDetector
{
    private static readonly string[] Keywords = NearbyKeyword.Spellings(
        "kimlik", "TCKN", "TCKNO", "TC No", "T.C. No", "vatandaşlık numarası", "Turkish ID", "Turkish identity");

    public bool HandlesDigitCount(int digits) => digits == 11;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context)
    {
        if (run.Groups != 1 || !run.IsStandalone(text))
        {
            return null;
        }

        Span<int> buffer = stackalloc int[11];
        ReadOnlySpan<int> digits = run.CopyDigits(text, buffer);
        if (digits[0] == 0 || !HasCheckDigits(digits) || IdDigits.DistinctDigits(digits) <= 2)
        {
            return null;
        }

        return NearbyKeyword.IsNear(text, run.Start, run.End, Keywords)
            ? new PrivacyFinding("tr-tckn", context.Field, $"Turkish identity number (TC Kimlik) in {context.Field}")
            : null;
    }

    // Tenth: 7 × (sum of the odd places) − (sum of the even places), mod 10. Eleventh: sum of the first ten, mod 10.
    private static bool HasCheckDigits(ReadOnlySpan<int> digits)
    {
        int odd = digits[0] + digits[2] + digits[4] + digits[6] + digits[8];
        int even = digits[1] + digits[3] + digits[5] + digits[7];
        int tenth = ((7 * odd - even) % 10 + 10) % 10;
        return tenth == digits[9] && (odd + even + tenth) % 10 == digits[10];
    }
}

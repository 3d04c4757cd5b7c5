namespace Router.Core.Privacy;

/// <summary>Dutch citizen service numbers (BSN, burgerservicenummer): nine digits passing the 11-proof, named in the text.</summary>
internal sealed class DutchCitizenServiceNumberDetector : INumberRunDetector
{
    private static readonly string[] Keywords = NearbyKeyword.Spellings(
        "BSN", "burgerservicenummer", "burger service nummer", "sofinummer", "sofi nummer", "citizen service number");

    public bool HandlesDigitCount(int digits) => digits == 9;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context)
    {
        bool written = run.Groups == 1 || run.IsWrittenAs(text, "0000.00.000") || run.IsWrittenAs(text, "000.000.000")
            || run.IsWrittenAs(text, "000 000 000") || run.IsWrittenAs(text, "0000 00 000");
        if (!written || !run.IsStandalone(text))
        {
            return null;
        }

        Span<int> buffer = stackalloc int[9];
        ReadOnlySpan<int> digits = run.CopyDigits(text, buffer);
        if (!PassesElevenProof(digits) || IdDigits.DistinctDigits(digits) <= 2)
        {
            return null;
        }

        return NearbyKeyword.IsNear(text, run.Start, run.End, Keywords)
            ? new PrivacyFinding("nl-bsn", context.Field, $"Dutch citizen service number (BSN) in {context.Field}")
            : null;
    }

    // 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11.
    private static bool PassesElevenProof(ReadOnlySpan<int> digits)
    {
        int sum = -digits[8];
        for (int i = 0; i < 8; i++)
        {
            sum += (9 - i) * digits[i];
        }

        return sum % 11 == 0;
    }
}

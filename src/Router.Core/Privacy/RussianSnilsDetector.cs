namespace Router.Core.Privacy;

/// <summary>
/// Russian insurance account numbers (СНИЛС): nine digits and a two-digit checksum, written "123-456-789 64"; bare or
/// spaced digits must be named in the text.
/// </summary>
internal sealed class RussianSnilsDetector : INumberRunDetector
{
    // The checksum rule covers numbers above 001-001-998.
    private const int FirstChecked = 1_001_998;

    private static readonly string[] Keywords = NearbyKeyword.Spellings("СНИЛС", "SNILS", "страховой номер", "страхового номера", "insurance number");

    public bool HandlesDigitCount(int digits) => digits == 11;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context)
    {
        bool printed = run.IsWrittenAs(text, "000-000-000 00") || run.IsWrittenAs(text, "000-000-000-00");
        if (!(printed || run.Groups == 1 || run.IsWrittenAs(text, "000 000 000 00")) || !run.IsStandalone(text))
        {
            return null;
        }

        Span<int> buffer = stackalloc int[11];
        ReadOnlySpan<int> digits = run.CopyDigits(text, buffer);
        if (IdDigits.Value(digits[..9]) <= FirstChecked || Checksum(digits[..9]) != digits[9] * 10 + digits[10] || IdDigits.DistinctDigits(digits) <= 2)
        {
            return null;
        }

        return printed || NearbyKeyword.IsNear(text, run.Start, run.End, Keywords)
            ? new PrivacyFinding("ru-snils", context.Field, $"Russian insurance number (SNILS) in {context.Field}")
            : null;
    }

    // Digits weigh 9 down to 1; a sum under 100 is the checksum, 100 and 101 give 00, and larger sums are taken mod 101 the same way.
    private static int Checksum(ReadOnlySpan<int> digits)
    {
        int sum = 0;
        for (int i = 0; i < 9; i++)
        {
            sum += (9 - i) * digits[i];
        }

        int checksum = sum % 101;
        return checksum == 100 ? 0 : checksum;
    }
}

namespace Router.Core.Privacy;

/// <summary>
/// German tax identification numbers (Steuer-ID): eleven digits, the first not 0, where in the first ten exactly one digit
/// repeats (twice, or three times but not side by side), closed by an ISO 7064 MOD 11,10 check digit; named in the text.
/// </summary>
internal sealed class GermanTaxIdDetector : INumberRunDetector
{
    private static readonly string[] Keywords = NearbyKeyword.Spellings(
        "Steuer ID", "Steuer-IdNr", "Steueridentifikationsnummer", "Steuer-Identifikationsnummer", "Identifikationsnummer", "IdNr",
        "tax id", "tax identification", "TIN");

    public bool HandlesDigitCount(int digits) => digits == 11;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context)
    {
        // Written bare or as the letters print it, "12 345 678 901".
        if (!(run.Groups == 1 || run.IsWrittenAs(text, "00 000 000 000")) || !run.IsStandalone(text))
        {
            return null;
        }

        Span<int> buffer = stackalloc int[11];
        ReadOnlySpan<int> digits = run.CopyDigits(text, buffer);
        if (digits[0] == 0 || !HasOneRepeatedDigit(digits[..10]) || CheckDigit(digits[..10]) != digits[10])
        {
            return null;
        }

        return NearbyKeyword.IsNear(text, run.Start, run.End, Keywords)
            ? new PrivacyFinding("de-steuer-id", context.Field, $"German tax ID (Steuer-ID) in {context.Field}")
            : null;
    }

    private static bool HasOneRepeatedDigit(ReadOnlySpan<int> digits)
    {
        Span<int> counts = stackalloc int[10];
        foreach (int digit in digits)
        {
            counts[digit]++;
        }

        int repeated = -1;
        for (int digit = 0; digit < 10; digit++)
        {
            if (counts[digit] > 3 || (counts[digit] > 1 && repeated >= 0))
            {
                return false;
            }

            if (counts[digit] > 1)
            {
                repeated = digit;
            }
        }

        if (repeated < 0)
        {
            return false;
        }

        // A digit may occur three times since 2016, but never three in a row.
        for (int i = 2; i < digits.Length; i++)
        {
            if (digits[i] == repeated && digits[i - 1] == repeated && digits[i - 2] == repeated)
            {
                return false;
            }
        }

        return true;
    }

    // ISO 7064 MOD 11,10.
    private static int CheckDigit(ReadOnlySpan<int> digits)
    {
        int product = 10;
        foreach (int digit in digits)
        {
            int sum = (digit + product) % 10;
            if (sum == 0)
            {
                sum = 10;
            }

            product = sum * 2 % 11;
        }

        int check = 11 - product;
        return check == 10 ? 0 : check;
    }
}

namespace Router.Core.Privacy;

/// <summary>
/// Russian taxpayer numbers (ИНН): ten digits closed by one check digit for an organisation, twelve closed by two for a
/// person, the first two naming the region; named in the text, bare or before the KPP ("7736051247/773601001").
/// </summary>
internal sealed class RussianInnDetector : INumberRunDetector
{
    private const int KppDigits = 9;

    // The published weights of the twelve-digit number's second check digit; its first check digit and the ten-digit
    // number's only one use the same list without its first one or two weights.
    private static readonly int[] Weights = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

    private static readonly string[] Keywords = NearbyKeyword.Spellings(
        "ИНН", "INN", "идентификационный номер налогоплательщика", "номер налогоплательщика", "номера налогоплательщика");

    public bool HandlesDigitCount(int digits) => digits is 10 or 12 or 10 + KppDigits;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context)
    {
        bool beforeKpp = run.IsWrittenAs(text, "0000000000/000000000");
        if (!(beforeKpp || (run.Groups == 1 && run.Digits != 10 + KppDigits)) || !run.IsStandalone(text))
        {
            return null;
        }

        Span<int> buffer = stackalloc int[10 + KppDigits];
        ReadOnlySpan<int> digits = run.CopyDigits(text, buffer);
        if (beforeKpp)
        {
            digits = digits[..10];
        }

        if ((digits[0] == 0 && digits[1] == 0) || !HasCheckDigits(digits) || IdDigits.DistinctDigits(digits) <= 2)
        {
            return null;
        }

        return NearbyKeyword.IsNear(text, run.Start, run.End, Keywords)
            ? new PrivacyFinding("ru-inn", context.Field, $"Russian taxpayer number (INN) in {context.Field}")
            : null;
    }

    private static bool HasCheckDigits(ReadOnlySpan<int> digits) =>
        digits.Length == 10
            ? CheckDigit(digits[..9]) == digits[9]
            : CheckDigit(digits[..10]) == digits[10] && CheckDigit(digits[..11]) == digits[11];

    // The weighted sum mod 11, and 10 gives 0.
    private static int CheckDigit(ReadOnlySpan<int> digits)
    {
        int offset = Weights.Length - digits.Length;
        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            sum += Weights[offset + i] * digits[i];
        }

        return sum % 11 % 10;
    }
}

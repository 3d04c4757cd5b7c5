namespace Router.Core.Privacy;

/// <summary>
/// Brazilian company registration numbers (CNPJ): twelve digits and two mod-11 check digits, written "12.345.678/0001-95";
/// bare digits must be named in the text.
/// </summary>
internal sealed class BrazilianCnpjDetector : INumberRunDetector
{
    private static readonly string[] Keywords = NearbyKeyword.Spellings("CNPJ", "cadastro nacional da pessoa");

    public bool HandlesDigitCount(int digits) => digits == 14;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context)
    {
        bool printed = run.IsWrittenAs(text, "00.000.000/0000-00");
        if (!(printed || run.Groups == 1) || !run.IsStandalone(text))
        {
            return null;
        }

        Span<int> buffer = stackalloc int[14];
        ReadOnlySpan<int> digits = run.CopyDigits(text, buffer);
        if (CheckDigit(digits[..12]) != digits[12] || CheckDigit(digits[..13]) != digits[13] || IdDigits.DistinctDigits(digits) < 2)
        {
            return null;
        }

        return printed || NearbyKeyword.IsNear(text, run.Start, run.End, Keywords)
            ? new PrivacyFinding("br-cnpj", context.Field, $"Brazilian company number (CNPJ) in {context.Field}")
            : null;
    }

    // Weights run 2, 3, … 9 from the right and start again at 2; a remainder under 2 gives 0.
    private static int CheckDigit(ReadOnlySpan<int> digits)
    {
        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int fromRight = digits.Length - 1 - i;
            sum += (2 + fromRight % 8) * digits[i];
        }

        int remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }
}

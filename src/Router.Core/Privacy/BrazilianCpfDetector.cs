namespace Router.Core.Privacy;

/// <summary>
/// Brazilian individual taxpayer numbers (CPF): nine digits and two mod-11 check digits, written "123.456.789-09";
/// bare or half-punctuated digits must be named in the text.
/// </summary>
internal sealed class BrazilianCpfDetector : INumberRunDetector
{
    private static readonly string[] Keywords = NearbyKeyword.Spellings("CPF", "cadastro de pessoa", "cadastro de pessoas");

    public bool HandlesDigitCount(int digits) => digits == 11;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context)
    {
        bool printed = run.IsWrittenAs(text, "000.000.000-00");
        if (!(printed || run.Groups == 1 || run.IsWrittenAs(text, "000000000-00")) || !run.IsStandalone(text))
        {
            return null;
        }

        Span<int> buffer = stackalloc int[11];
        ReadOnlySpan<int> digits = run.CopyDigits(text, buffer);
        if (CheckDigit(digits[..9]) != digits[9] || CheckDigit(digits[..10]) != digits[10] || IdDigits.DistinctDigits(digits) < 2)
        {
            return null;
        }

        return printed || NearbyKeyword.IsNear(text, run.Start, run.End, Keywords)
            ? new PrivacyFinding("br-cpf", context.Field, $"Brazilian taxpayer number (CPF) in {context.Field}")
            : null;
    }

    // Weights count down to 2 from one more than the digits; a remainder of 10 gives 0.
    private static int CheckDigit(ReadOnlySpan<int> digits)
    {
        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            sum += (digits.Length + 1 - i) * digits[i];
        }

        return sum * 10 % 11 % 10;
    }
}

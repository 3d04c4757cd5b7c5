namespace Router.Core.Privacy;

/// <summary>
/// Argentine tax and labour numbers (CUIT, CUIL): a two-digit kind (20, 23, 24, 27 for people, 30, 33, 34 for companies),
/// the DNI or a company number and a mod-11 check digit, written "20-12345678-3"; bare or spaced digits must be named in
/// the text.
/// </summary>
internal sealed class ArgentineCuitDetector : INumberRunDetector
{
    private static readonly int[] Weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    private static readonly string[] Keywords = NearbyKeyword.Spellings(
        "CUIT", "CUIL", "clave única de identificación", "clave unica de identificacion");

    public bool HandlesDigitCount(int digits) => digits == 11;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context)
    {
        bool dashed = run.IsWrittenAs(text, "00-00000000-0") || run.IsWrittenAs(text, "00-00.000.000-0");
        if (!(dashed || run.Groups == 1 || run.IsWrittenAs(text, "00 00000000 0")) || !run.IsStandalone(text))
        {
            return null;
        }

        Span<int> buffer = stackalloc int[11];
        ReadOnlySpan<int> digits = run.CopyDigits(text, buffer);
        if (!IsKind(digits[0] * 10 + digits[1]) || CheckDigit(digits) != digits[10] || IdDigits.DistinctDigits(digits[2..10]) < 2)
        {
            return null;
        }

        return dashed || NearbyKeyword.IsNear(text, run.Start, run.End, Keywords)
            ? new PrivacyFinding("ar-cuit", context.Field, $"Argentine tax number (CUIT/CUIL) in {context.Field}")
            : null;
    }

    private static bool IsKind(int kind) => kind is 20 or 23 or 24 or 27 or 30 or 33 or 34;

    // 11 minus the weighted sum mod 11, and 11 gives 0; a result of 10 is never issued (the kind changes to 23 instead).
    private static int CheckDigit(ReadOnlySpan<int> digits)
    {
        int sum = 0;
        for (int i = 0; i < Weights.Length; i++)
        {
            sum += Weights[i] * digits[i];
        }

        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }
}

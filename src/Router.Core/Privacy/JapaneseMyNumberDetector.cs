namespace Router.Core.Privacy;

/// <summary>
/// Japanese individual numbers (マイナンバー, 個人番号): twelve digits whose last is a weighted mod-11 check digit, named in the text.
/// </summary>
internal sealed class JapaneseMyNumberDetector : INumberRunDetector
{
    private static readonly string[] Keywords = NearbyKeyword.Spellings("マイナンバー", "個人番号", "my number", "individual number");

    public bool HandlesDigitCount(int digits) => digits == 12;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context)
    {
        if (!run.IsTwelveInFours(text) || !run.IsStandalone(text))
        {
            return null;
        }

        Span<int> buffer = stackalloc int[12];
        ReadOnlySpan<int> digits = run.CopyDigits(text, buffer);
        if (CheckDigit(digits[..11]) != digits[11] || IdDigits.DistinctDigits(digits) <= 2)
        {
            return null;
        }

        return NearbyKeyword.IsNear(text, run.Start, run.End, Keywords)
            ? new PrivacyFinding("jp-my-number", context.Field, $"Japanese individual number (My Number) in {context.Field}")
            : null;
    }

    // Counting n = 1..11 from the right, digit n weighs n + 1 up to n = 6 and n − 5 after; a remainder of 0 or 1 gives 0.
    private static int CheckDigit(ReadOnlySpan<int> digits)
    {
        int sum = 0;
        for (int n = 1; n <= 11; n++)
        {
            sum += digits[11 - n] * (n <= 6 ? n + 1 : n - 5);
        }

        int remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }
}

namespace Router.Core.Privacy;

/// <summary>
/// Polish PESEL numbers: eleven digits starting with a real birth date (the century is added to the month: +20 for the
/// 2000s, +80 for the 1800s), closed by a check digit weighted 1, 3, 7, 9; named in the text.
/// </summary>
internal sealed class PolishPeselDetector : INumberRunDetector
{
    private static readonly int[] Weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

    private static readonly string[] Keywords = NearbyKeyword.Spellings("PESEL");

    public bool HandlesDigitCount(int digits) => digits == 11;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context)
    {
        if (run.Groups != 1 || !run.IsStandalone(text))
        {
            return null;
        }

        Span<int> buffer = stackalloc int[11];
        ReadOnlySpan<int> digits = run.CopyDigits(text, buffer);
        if (!HasBirthDate(digits) || CheckDigit(digits) != digits[10])
        {
            return null;
        }

        return NearbyKeyword.IsNear(text, run.Start, run.End, Keywords)
            ? new PrivacyFinding("pl-pesel", context.Field, $"Polish personal number (PESEL) in {context.Field}")
            : null;
    }

    private static bool HasBirthDate(ReadOnlySpan<int> digits)
    {
        int year = digits[0] * 10 + digits[1];
        int month = digits[2] * 10 + digits[3];
        int day = digits[4] * 10 + digits[5];
        int century = (month / 20) switch
        {
            0 => 1900,
            1 => 2000,
            2 => 2100,
            3 => 2200,
            _ => 1800,
        };
        return IdDigits.IsDate(century + year, month % 20, day);
    }

    private static int CheckDigit(ReadOnlySpan<int> digits)
    {
        int sum = 0;
        for (int i = 0; i < Weights.Length; i++)
        {
            sum += Weights[i] * digits[i];
        }

        return (10 - sum % 10) % 10;
    }
}

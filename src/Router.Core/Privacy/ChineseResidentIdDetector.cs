namespace Router.Core.Privacy;

/// <summary>
/// Chinese resident identity card numbers (居民身份证号码): a six-digit region code of a real province, a birth date
/// YYYYMMDD, a sequence number and an ISO 7064 MOD 11-2 check character, which may be X.
/// </summary>
internal sealed class ChineseResidentIdDetector : INumberRunDetector
{
    private const string CheckCharacters = "10X98765432";

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    // Seventeen digits and X, or eighteen digits.
    public bool HandlesDigitCount(int digits) => digits is 17 or 18;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context)
    {
        if (run.Groups != 1 || !run.StartsStandalone(text))
        {
            return null;
        }

        bool endsInX = run.Digits == 17;
        if (endsInX ? run.End >= text.Length || text[run.End] is not ('X' or 'x') || !IdDigits.EndsWord(text, run.End + 1) : !run.IsStandalone(text))
        {
            return null;
        }

        Span<int> buffer = stackalloc int[18];
        ReadOnlySpan<int> digits = run.CopyDigits(text, buffer);
        if (!IsProvince(digits[0] * 10 + digits[1]) || !HasBirthDate(digits[6..14]))
        {
            return null;
        }

        int sum = 0;
        for (int i = 0; i < Weights.Length; i++)
        {
            sum += Weights[i] * digits[i];
        }

        char check = endsInX ? 'X' : (char)('0' + digits[17]);
        return CheckCharacters[sum % 11] == check
            ? new PrivacyFinding("cn-resident-id", context.Field, $"Chinese resident identity number in {context.Field}")
            : null;
    }

    // Province-level codes: north 11–15, northeast 21–23, east 31–37, south central 41–46, southwest 50–54, northwest 61–65,
    // Taiwan 71, Hong Kong, Macau and Taiwan residents 81–83.
    private static bool IsProvince(int code) =>
        code is (>= 11 and <= 15) or (>= 21 and <= 23) or (>= 31 and <= 37) or (>= 41 and <= 46) or (>= 50 and <= 54)
            or (>= 61 and <= 65) or 71 or (>= 81 and <= 83);

    private static bool HasBirthDate(ReadOnlySpan<int> date)
    {
        int year = date[0] * 1000 + date[1] * 100 + date[2] * 10 + date[3];
        return year is >= 1900 and <= 2099 && IdDigits.IsDate(year, date[4] * 10 + date[5], date[6] * 10 + date[7]);
    }
}

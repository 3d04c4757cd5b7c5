namespace Router.Core.Privacy;

/// <summary>
/// Portuguese taxpayer numbers (NIF, número de contribuinte): nine digits whose first one or two say who holds them and
/// whose last is a mod-11 check digit, bare, spaced in threes or after the VAT prefix PT; named in the text.
/// </summary>
/// <remarks>A Spanish NIF is the DNI, eight digits and a letter, so nine digits and no letter are Portuguese.</remarks>
internal sealed class PortugueseNifDetector : INumberRunDetector
{
    private static readonly string[] Keywords = NearbyKeyword.Spellings(
        "NIF", "contribuinte", "número de identificação fiscal", "numero de identificacao fiscal", "NIPC");

    public bool HandlesDigitCount(int digits) => digits == 9;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context)
    {
        if (!(run.Groups == 1 || run.IsWrittenAs(text, "000 000 000")) || !run.EndsStandalone(text) || !(run.StartsStandalone(text) || HasVatPrefix(text, run)))
        {
            return null;
        }

        Span<int> buffer = stackalloc int[9];
        ReadOnlySpan<int> digits = run.CopyDigits(text, buffer);
        if (!IsIssuedPrefix(digits[0], digits[1]) || CheckDigit(digits) != digits[8] || IdDigits.DistinctDigits(digits) <= 2)
        {
            return null;
        }

        return NearbyKeyword.IsNear(text, run.Start, run.End, Keywords)
            ? new PrivacyFinding("pt-nif", context.Field, $"Portuguese taxpayer number (NIF) in {context.Field}")
            : null;
    }

    // "PT509327184", where nothing word-like comes before the PT.
    private static bool HasVatPrefix(ReadOnlySpan<char> text, NumberRun run) =>
        run.Start >= 2 && text[run.Start - 2] == 'P' && text[run.Start - 1] == 'T'
        && (run.Start == 2 || !(char.IsAsciiLetterOrDigit(text[run.Start - 3]) || text[run.Start - 3] == '_'));

    // People 1–3 and 45 (not resident), companies 5, public bodies 6, estates, funds and non-residents 70–72, 74, 75, 77–79,
    // sole traders 8, condominiums and other bodies without legal personality 90, 91, 98, 99.
    private static bool IsIssuedPrefix(int first, int second) => first switch
    {
        1 or 2 or 3 or 5 or 6 or 8 => true,
        4 => second == 5,
        7 => second is not (3 or 6),
        9 => second is 0 or 1 or 8 or 9,
        _ => false,
    };

    // Weights 9 down to 2 on the first eight digits; a remainder under 2 gives 0, otherwise 11 minus it.
    private static int CheckDigit(ReadOnlySpan<int> digits)
    {
        int sum = 0;
        for (int i = 0; i < 8; i++)
        {
            sum += (9 - i) * digits[i];
        }

        int remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }
}

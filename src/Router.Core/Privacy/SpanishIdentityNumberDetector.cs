namespace Router.Core.Privacy;

/// <summary>
/// Spanish identity numbers closed by a control letter, the number mod 23 in "TRWAGMYFPDXBNJZSQVHLCKE": the DNI, eight
/// digits and the letter ("12345678Z", "12.345.678-Z"), and the foreigner's NIE, X, Y or Z, seven digits and the letter.
/// </summary>
internal sealed class SpanishIdentityNumberDetector : INumberRunDetector
{
    private const string ControlLetters = "TRWAGMYFPDXBNJZSQVHLCKE";

    private static readonly string[] Keywords = NearbyKeyword.Spellings("DNI", "NIE", "NIF", "documento nacional", "identidad", "extranjero", "Spanish ID");

    public bool HandlesDigitCount(int digits) => digits is 7 or 8;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context)
    {
        if (!run.ConsistentSeparator)
        {
            return null;
        }

        if (run.Digits == 8 && (run.Groups == 1 || run.IsWrittenAs(text, "00.000.000")) && run.StartsStandalone(text)
            && HasControlLetter(text, run, run.Start, prefix: 0))
        {
            return new PrivacyFinding("es-dni", context.Field, $"Spanish identity number (DNI) in {context.Field}");
        }

        if (run.Digits == 7 && run.Groups == 1 && IsForeignerPrefix(text, run, out int start, out int prefix)
            && HasControlLetter(text, run, start, prefix))
        {
            return new PrivacyFinding("es-nie", context.Field, $"Spanish foreigner identity number (NIE) in {context.Field}");
        }

        return null;
    }

    // "X1234567L", "X-1234567-L", and with a space only where the text names the number.
    private static bool IsForeignerPrefix(ReadOnlySpan<char> text, NumberRun run, out int start, out int prefix)
    {
        start = run.Start - 1;
        prefix = 0;
        if (start >= 1 && text[start] is '-' or ' ')
        {
            start--;
        }

        if (start < 0 || text[start] is not ('X' or 'Y' or 'Z') || (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '_' or '/' or '.')))
        {
            return false;
        }

        prefix = text[start] - 'X';
        return text[run.Start - 1] != ' ' || NearbyKeyword.IsNear(text, start, run.End, Keywords);
    }

    private static bool HasControlLetter(ReadOnlySpan<char> text, NumberRun run, int start, int prefix)
    {
        int at = run.End;
        bool spaced = false;
        if (at + 1 < text.Length && text[at] is '-' or ' ')
        {
            spaced = text[at] == ' ';
            at++;
        }

        if (at >= text.Length || !char.IsAsciiLetter(text[at]) || !IdDigits.EndsWord(text, at + 1))
        {
            return false;
        }

        Span<int> buffer = stackalloc int[8];
        ReadOnlySpan<int> digits = run.CopyDigits(text, buffer);
        long number = prefix * 10_000_000L + IdDigits.Value(digits);
        if (char.ToUpperInvariant(text[at]) != ControlLetters[(int)(number % 23)] || IdDigits.DistinctDigits(digits) < 2)
        {
            return false;
        }

        // Capital letters written close are the usual form; a lowercase or spaced-off letter needs the text to say what it is.
        return (char.IsAsciiLetterUpper(text[at]) && !spaced) || NearbyKeyword.IsNear(text, start, at + 1, Keywords);
    }
}

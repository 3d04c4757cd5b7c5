namespace Router.Core.Privacy;

/// <summary>
/// Chilean tax and national numbers (RUT, RUN): seven or eight digits and a mod-11 check character, 0–9 or K, written
/// "12.345.678-5"; undotted or bare digits must be named in the text.
/// </summary>
internal sealed class ChileanRutDetector : INumberRunDetector
{
    private static readonly string[] Keywords = NearbyKeyword.Spellings("RUT", "rol único tributario", "rol unico tributario", "rol único nacional", "rol unico nacional");

    // "run" is an everyday English word; only the capitals name the Chilean number.
    private static readonly string[] CapitalKeywords = ["RUN"];

    // Seven-digit body and a K, seven- or eight-digit body and a digit, eight-digit body and a digit.
    public bool HandlesDigitCount(int digits) => digits is 7 or 8 or 9;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context)
    {
        if (!run.StartsStandalone(text))
        {
            return null;
        }

        Span<int> buffer = stackalloc int[9];
        ReadOnlySpan<int> digits = run.CopyDigits(text, buffer);
        int end = run.End;
        bool printed;
        char check;
        if (end + 1 < text.Length && text[end] == '-' && text[end + 1] is 'K' or 'k')
        {
            // The K stands outside the run of digits: "12.345.678-K".
            printed = run.IsWrittenAs(text, "00.000.000") || run.IsWrittenAs(text, "0.000.000");
            if (!(printed || (run.Groups == 1 && run.Digits <= 8)) || !IdDigits.EndsWord(text, end + 2))
            {
                return null;
            }

            check = 'K';
            end += 2;
        }
        else
        {
            printed = run.IsWrittenAs(text, "00.000.000-0") || run.IsWrittenAs(text, "0.000.000-0");
            if (!(printed || run.Groups == 1 || run.IsWrittenAs(text, "00000000-0") || run.IsWrittenAs(text, "0000000-0")) || !run.EndsStandalone(text)
                || run.Digits == 7)
            {
                return null;
            }

            check = (char)('0' + digits[^1]);
            digits = digits[..^1];
        }

        if (CheckCharacter(digits) != check || IdDigits.DistinctDigits(digits) < 2)
        {
            return null;
        }

        return printed || NearbyKeyword.IsNear(text, run.Start, end, Keywords) || NearbyKeyword.IsNear(text, run.Start, end, CapitalKeywords, StringComparison.Ordinal)
            ? new PrivacyFinding("cl-rut", context.Field, $"Chilean tax number (RUT) in {context.Field}")
            : null;
    }

    // Weights 2, 3, … 7 from the right, starting again at 2; 11 minus the sum mod 11, where 11 gives 0 and 10 gives K.
    private static char CheckCharacter(ReadOnlySpan<int> body)
    {
        int sum = 0;
        for (int i = 0; i < body.Length; i++)
        {
            int fromRight = body.Length - 1 - i;
            sum += (2 + fromRight % 6) * body[i];
        }

        int check = 11 - sum % 11;
        return check switch
        {
            11 => '0',
            10 => 'K',
            _ => (char)('0' + check),
        };
    }
}

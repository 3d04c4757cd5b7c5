namespace Router.Core.Privacy;

/// <summary>International bank account numbers: a country code, two check digits and the national account, valid under ISO 7064 mod 97.</summary>
internal sealed class IbanDetector : INumberRunDetector
{
    private static readonly Dictionary<string, int> LengthByCountry = new(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18,
        ["EE"] = 20, ["ES"] = 24, ["FI"] = 18, ["FR"] = 27, ["GB"] = 22, ["GR"] = 27, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22,
        ["IS"] = 26, ["IT"] = 27, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MT"] = 31, ["NL"] = 18,
        ["NO"] = 15, ["PL"] = 28, ["PT"] = 25, ["RO"] = 24, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["TR"] = 26,
    };

    // The run holds the check digits and the start of the account; the account may go on with letters.
    public bool HandlesDigitCount(int digits) => true;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context)
    {
        int start = run.Start - 2;
        if (start < 0 || !char.IsAsciiLetterUpper(text[start]) || !char.IsAsciiLetterUpper(text[start + 1]))
        {
            return null;
        }

        if ((start > 0 && char.IsAsciiLetterOrDigit(text[start - 1])) || run.End - run.Start < 2 || !char.IsAsciiDigit(text[run.Start + 1]))
        {
            return null;
        }

        if (!LengthByCountry.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text.Slice(start, 2), out int length))
        {
            return null;
        }

        // Collect the IBAN's characters, allowing the single spaces of the printed form.
        Span<char> iban = stackalloc char[34];
        int n = 0;
        int i = start;
        while (i < text.Length && n < length)
        {
            char c = text[i];
            if (char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))
            {
                iban[n++] = c;
                i++;
            }
            else if (c == ' ' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]) && n > 0)
            {
                i++;
            }
            else
            {
                break;
            }
        }

        if (n != length || (i < text.Length && char.IsAsciiLetterOrDigit(text[i])))
        {
            return null;
        }

        return PassesMod97(iban[..n]) ? new PrivacyFinding("iban", context.Field, $"bank account number (IBAN) in {context.Field}") : null;
    }

    private static bool PassesMod97(ReadOnlySpan<char> iban)
    {
        // Move the country code and check digits to the end, read letters as 10..35, and take the remainder as we go.
        int remainder = 0;
        for (int k = 0; k < iban.Length; k++)
        {
            char c = iban[(k + 4) % iban.Length];
            int value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }

        return remainder == 1;
    }
}

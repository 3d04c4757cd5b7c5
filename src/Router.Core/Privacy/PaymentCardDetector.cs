namespace Router.Core.Privacy;

/// <summary>Payment card numbers: 13–19 digits with a known issuer prefix and length, a valid Luhn check digit, not a published test number.</summary>
internal sealed class PaymentCardDetector : INumberRunDetector
{
    // Test numbers the card networks and payment providers publish for sandboxes; they identify nobody.
    private static readonly HashSet<string> PublishedTestNumbers = new(StringComparer.Ordinal)
    {
        "4242424242424242", "4000056655665556", "4111111111111111", "4012888888881881", "4222222222222", "5555555555554444",
        "2223003122003222", "5200828282828210", "5105105105105100", "378282246310005", "371449635398431", "378734493671000",
        "6011111111111117", "6011000990139424", "3056930009020004", "36227206271667", "3566002020360505", "6200000000000005",
        "5019717010103742", "6331101999990016", "30569309025904", "38520000023237", "3530111333300000", "4000000000000002",
    };

    public bool HandlesDigitCount(int digits) => digits is >= 13 and <= 19;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context)
    {
        if (run.Digits is < 13 or > 19 || !run.ConsistentSeparator || run.Punctuated || !run.IsStandalone(text))
        {
            return null;
        }

        if (run.Groups > 1)
        {
            // Cards are written in groups of 4 (Amex 4-6-5, Diners 4-6-4); "1 2 3 4 …" or "12-34-…" are something else.
            Span<int> groups = stackalloc int[8];
            int count = run.GroupLengths(text, groups);
            foreach (int length in groups[..count])
            {
                if (length is < 3 or > 6)
                {
                    return null;
                }
            }
        }

        Span<char> digits = stackalloc char[19];
        int n = 0;
        foreach (char c in text[run.Start..run.End])
        {
            if (char.IsAsciiDigit(c))
            {
                digits[n++] = c;
            }
        }

        ReadOnlySpan<char> number = digits[..n];
        string? network = Network(number);
        if (network is null || !PassesLuhn(number) || DistinctDigits(number) <= 2)
        {
            return null;
        }

        if (PublishedTestNumbers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(number))
        {
            return null;
        }

        return new PrivacyFinding("payment-card", context.Field, $"{network} card number in {context.Field}");
    }

    private static int DistinctDigits(ReadOnlySpan<char> number)
    {
        int seen = 0;
        foreach (char c in number)
        {
            seen |= 1 << (c - '0');
        }

        return System.Numerics.BitOperations.PopCount((uint)seen);
    }

    internal static bool PassesLuhn(ReadOnlySpan<char> number)
    {
        int sum = 0;
        bool doubleIt = false;
        for (int i = number.Length - 1; i >= 0; i--)
        {
            int digit = number[i] - '0';
            if (doubleIt)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    private static string? Network(ReadOnlySpan<char> number)
    {
        int length = number.Length;
        int two = int.Parse(number[..2], provider: System.Globalization.CultureInfo.InvariantCulture);
        int three = int.Parse(number[..3], provider: System.Globalization.CultureInfo.InvariantCulture);
        int four = int.Parse(number[..4], provider: System.Globalization.CultureInfo.InvariantCulture);
        return number[0] switch
        {
            '4' when length is 13 or 16 or 19 => "Visa",
            '5' when two is >= 51 and <= 55 && length == 16 => "Mastercard",
            '2' when four is >= 2221 and <= 2720 && length == 16 => "Mastercard",
            '3' when two is 34 or 37 && length == 15 => "American Express",
            '3' when four is >= 3528 and <= 3589 && length is >= 16 and <= 19 => "JCB",
            '3' when (three is >= 300 and <= 305 || two is 36 or 38 or 39) && length is >= 14 and <= 19 => "Diners Club",
            '6' when (four == 6011 || three is >= 644 and <= 649 || two == 65) && length is >= 16 and <= 19 => "Discover",
            '6' when two == 62 && length is >= 16 and <= 19 => "UnionPay",
            '5' or '6' when two is 50 or (>= 56 and <= 58) or 63 or 67 && length is >= 13 and <= 19 => "Maestro",
            '2' when four is >= 2200 and <= 2204 && length is >= 16 and <= 19 => "Mir",
            '9' when four == 9792 && length == 16 => "Troy",
            _ => null,
        };
    }
}

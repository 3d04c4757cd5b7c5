using System.Text;

namespace Router.Core.Tests.Privacy;

/// <summary>
/// Builds format-valid but made-up credentials at run time, so no test source holds anything that looks like a live
/// secret to a push-protection scanner, while every value still passes the detector's own checks.
/// </summary>
internal static class SyntheticSecret
{
    public const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    public const string Base64 = Alnum + "+/";
    public const string Base64Url = Alnum + "-_";
    public const string Base32Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    public const string LowerHex = "0123456789abcdef";

    /// <summary>A deterministic random string over <paramref name="alphabet"/>.</summary>
    public static string Of(string alphabet, int length, int seed)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    /// <summary>A card number with the given issuer prefix and length whose last digit makes the Luhn check pass.</summary>
    public static string CardNumber(string prefix, int length, int seed)
    {
        string body = prefix + Of("0123456789", length - prefix.Length - 1, seed);
        for (char check = '0'; check <= '9'; check++)
        {
            if (Luhn(body + check))
            {
                return body + check;
            }
        }

        throw new InvalidOperationException("unreachable: one check digit always fits");
    }

    /// <summary>Writes <paramref name="number"/> in groups separated by <paramref name="separator"/>.</summary>
    public static string Grouped(string number, char separator, params int[] groups)
    {
        var builder = new StringBuilder();
        int at = 0;
        foreach (int length in groups)
        {
            if (at > 0)
            {
                builder.Append(separator);
            }

            builder.Append(number, at, length);
            at += length;
        }

        return builder.ToString();
    }

    /// <summary>An IBAN for <paramref name="country"/> and <paramref name="account"/> with correct mod-97 check digits.</summary>
    public static string Iban(string country, string account)
    {
        string rearranged = account + country + "00";
        int remainder = 0;
        foreach (char c in rearranged)
        {
            remainder = char.IsAsciiDigit(c) ? (remainder * 10 + (c - '0')) % 97 : (remainder * 100 + (c - 'A' + 10)) % 97;
        }

        int check = 98 - remainder;
        return country + check.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + account;
    }

    /// <summary>base64url without padding, as JWT parts are written.</summary>
    public static string Base64UrlOf(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool Luhn(string number)
    {
        int sum = 0;
        bool doubleIt = false;
        for (int i = number.Length - 1; i >= 0; i--)
        {
            int digit = number[i] - '0';
            if (doubleIt)
            {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }

            sum += digit;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }
}

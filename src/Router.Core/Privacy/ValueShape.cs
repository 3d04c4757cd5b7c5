using System.Buffers;

namespace Router.Core.Privacy;

/// <summary>Judges a candidate value: how random it is, and whether it is a placeholder, a reference or a hash rather than a secret.</summary>
internal static class ValueShape
{
    private static readonly SearchValues<string> PlaceholderMarkers = SearchValues.Create(
        [
            "xxxx", "****", "....", "<", ">", "${", "{{", "}}", "%(", "$(", "#{", "changeme", "change_me", "change-me",
            "replace", "example", "dummy", "placeholder", "your_", "your-", "yourpass", "yourkey", "yoursecret", "yourtoken",
            "insert", "redacted", "sample", "todo", "fixme", "_here", "-here", "notreal", "not_real", "not-a-real",
            "fake", "op://", "vault:", "secretsmanager", "keyvault", "arn:aws", "env:", "secretref", "0000000000",
        ],
        StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<char> VersionChars = SearchValues.Create("0123456789.");
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Shannon entropy in bits per character.</summary>
    public static double Entropy(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return 0;
        }

        Span<int> counts = stackalloc int[128];
        counts.Clear();
        int other = 0;
        foreach (char c in value)
        {
            if (c < 128)
            {
                counts[c]++;
            }
            else
            {
                other++;
            }
        }

        double entropy = 0;
        double length = value.Length;
        foreach (int count in counts)
        {
            if (count > 0)
            {
                double p = count / length;
                entropy -= p * Math.Log2(p);
            }
        }

        if (other > 0)
        {
            double p = other / length;
            entropy -= p * Math.Log2(p);
        }

        return entropy;
    }

    /// <summary>How many of lower case, upper case, digits and symbols occur.</summary>
    public static int CharacterClasses(ReadOnlySpan<char> value)
    {
        bool lower = false, upper = false, digit = false, symbol = false;
        foreach (char c in value)
        {
            if (char.IsAsciiLetterLower(c))
            {
                lower = true;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                upper = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                digit = true;
            }
            else
            {
                symbol = true;
            }
        }

        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    /// <summary>Documentation and template stand-ins: <c>&lt;your-key&gt;</c>, <c>xxxx</c>, <c>${VAR}</c>, <c>changeme</c>, AWS's <c>…EXAMPLE</c> keys.</summary>
    public static bool IsPlaceholder(ReadOnlySpan<char> value)
    {
        if (value.ContainsAny(PlaceholderMarkers))
        {
            return true;
        }

        // $NAME, %NAME%, and a value made of one repeated character.
        if (value.Length > 1 && (value[0] == '$' || (value[0] == '%' && value[^1] == '%')))
        {
            return true;
        }

        return value.Length > 0 && !value.ContainsAnyExcept(value[0]);
    }

    /// <summary>8-4-4-4-12 hex digits.</summary>
    public static bool IsUuid(ReadOnlySpan<char> value)
    {
        if (value.Length != 36)
        {
            return false;
        }

        for (int i = 0; i < value.Length; i++)
        {
            bool dash = i is 8 or 13 or 18 or 23;
            if (dash ? value[i] != '-' : !char.IsAsciiHexDigit(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Only hex digits, with the length of an MD5, SHA-1, SHA-256 or SHA-512 digest (git commits included).</summary>
    public static bool IsHexDigest(ReadOnlySpan<char> value) =>
        value.Length is 32 or 40 or 64 or 128 && !value.ContainsAnyExcept(HexDigits);

    /// <summary>A content hash written with its algorithm: <c>sha512-…</c> (npm integrity), <c>sha256:…</c> (image digests), <c>h1:…</c> (go.sum).</summary>
    public static bool IsLabelledDigest(ReadOnlySpan<char> value) =>
        value.StartsWith("sha1-", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("sha256-", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("sha384-", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("sha512-", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("sha512:", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("h1:", StringComparison.Ordinal);

    /// <summary>A version number such as <c>7.9.0-rc.42413</c> or <c>v1.2.3</c>.</summary>
    public static bool IsVersion(ReadOnlySpan<char> value)
    {
        ReadOnlySpan<char> rest = value.StartsWith('v') || value.StartsWith('V') ? value[1..] : value;
        int core = rest.IndexOfAny('-', '+');
        ReadOnlySpan<char> numbers = core < 0 ? rest : rest[..core];
        return numbers.Length >= 3 && char.IsAsciiDigit(numbers[0]) && numbers.Contains('.')
            && !numbers.ContainsAnyExcept(VersionChars);
    }

    /// <summary>The value is a word about secrets ("consumer.secret", "SuperSecretToken"): a stand-in, since real keys are random.</summary>
    public static bool NamesASecret(ReadOnlySpan<char> value) =>
        value.Contains("secret", StringComparison.OrdinalIgnoreCase) || value.Contains("password", StringComparison.OrdinalIgnoreCase)
        || value.Contains("token", StringComparison.OrdinalIgnoreCase) || value.Contains("apikey", StringComparison.OrdinalIgnoreCase)
        || value.Contains("key", StringComparison.OrdinalIgnoreCase) || value.Contains("credential", StringComparison.OrdinalIgnoreCase);

    public static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}

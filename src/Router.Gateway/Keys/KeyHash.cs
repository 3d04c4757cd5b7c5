using System.Security.Cryptography;
using System.Text;

namespace Router.Gateway.Keys;

/// <summary>How a key is stored in the keys file: "sha256:" and the lowercase hex SHA-256 of its UTF-8 bytes.</summary>
public static class KeyHash
{
    public const string Prefix = "sha256:";

    public static string Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>True for "sha256:" followed by 64 hex digits (either case).</summary>
    public static bool IsWellFormed(string? hash) =>
        hash is { Length: 71 } && hash.StartsWith(Prefix, StringComparison.Ordinal) && hash.AsSpan(Prefix.Length).ContainsAnyExcept(HexDigits) is false;

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");
}

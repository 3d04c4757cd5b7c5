using System.Buffers;
using System.Buffers.Text;

namespace Router.Core.Privacy;

/// <summary>Credentials written as HTTP authorization: <c>Bearer &lt;token&gt;</c> and <c>Basic base64(user:password)</c>.</summary>
internal sealed class AuthorizationHeaderDetector : ITextDetector
{
    private const int MinBearerLength = 20;
    private static readonly SearchValues<char> TokenChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/=");

    public IReadOnlyList<string> Anchors { get; } = ["Bearer ", "bearer ", "Basic ", "basic "];

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, int at, string anchor, in TextScanContext context)
    {
        if (at > 0 && char.IsAsciiLetterOrDigit(text[at - 1]))
        {
            return null;
        }

        ReadOnlySpan<char> rest = text[(at + anchor.Length)..].TrimStart(' ');
        int end = rest.IndexOfAnyExcept(TokenChars);
        ReadOnlySpan<char> token = end < 0 ? rest : rest[..end];
        if (ValueShape.IsPlaceholder(token))
        {
            return null;
        }

        if (anchor[1] == 'e')
        {
            // A JWT after "Bearer" is reported by the JWT detector, which knows more about it.
            if (token.StartsWith("eyJ", StringComparison.Ordinal))
            {
                return null;
            }

            bool random = token.Length >= MinBearerLength && ValueShape.Entropy(token) >= 3.5 && ValueShape.CharacterClasses(token) >= 2;
            return random ? new PrivacyFinding("bearer-token", context.Field, $"bearer token in {context.Field}") : null;
        }

        return IsBasicCredential(token) ? new PrivacyFinding("basic-auth", context.Field, $"basic-auth credentials in {context.Field}") : null;
    }

    private static bool IsBasicCredential(ReadOnlySpan<char> token)
    {
        if (token.Length < 8 || token.Length > 512 || token.Length % 4 != 0)
        {
            return false;
        }

        Span<byte> decoded = stackalloc byte[Base64.GetMaxDecodedFromUtf8Length(token.Length)];
        if (!Convert.TryFromBase64Chars(token, decoded, out int written))
        {
            return false;
        }

        ReadOnlySpan<byte> pair = decoded[..written];
        int colon = pair.IndexOf((byte)':');
        if (colon <= 0 || colon == pair.Length - 1)
        {
            return false;
        }

        foreach (byte b in pair)
        {
            if (b is < 0x20 or > 0x7e)
            {
                return false;
            }
        }

        return true;
    }
}

using System.Buffers;
using System.Buffers.Text;

namespace Router.Core.Privacy;

/// <summary>JSON Web Tokens: three base64url parts whose header decodes to JSON naming an "alg".</summary>
internal sealed class JsonWebTokenDetector : ITextDetector
{
    private const int MaxDecodedPart = 2048;
    private static readonly SearchValues<char> UrlAlphabet = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    public IReadOnlyList<string> Anchors { get; } = ["eyJ"];

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, int at, string anchor, in TextScanContext context)
    {
        if (!text[at..].StartsWith("eyJ", StringComparison.Ordinal) || (at > 0 && UrlAlphabet.Contains(text[at - 1])))
        {
            return null;
        }

        ReadOnlySpan<char> rest = text[at..];
        int headerEnd = PartEnd(rest);
        if (headerEnd < 10 || headerEnd >= rest.Length || rest[headerEnd] != '.')
        {
            return null;
        }

        ReadOnlySpan<char> afterHeader = rest[(headerEnd + 1)..];
        int payloadEnd = PartEnd(afterHeader);
        if (payloadEnd < 10 || payloadEnd >= afterHeader.Length || afterHeader[payloadEnd] != '.')
        {
            return null;
        }

        if (!DecodesToJsonObject(rest[..headerEnd], "\"alg\"", out _) ||
            !DecodesToJsonObject(afterHeader[..payloadEnd], null, out bool isPublicExample) || isPublicExample)
        {
            return null;
        }

        return new PrivacyFinding("jwt", context.Field, $"JSON Web Token in {context.Field}");
    }

    private static int PartEnd(ReadOnlySpan<char> text)
    {
        int end = text.IndexOfAnyExcept(UrlAlphabet);
        return end < 0 ? text.Length : end;
    }

    private static bool DecodesToJsonObject(ReadOnlySpan<char> part, string? mustContain, out bool isPublicExample)
    {
        isPublicExample = false;
        if (part.Length > MaxDecodedPart)
        {
            return false;
        }

        Span<byte> decoded = stackalloc byte[Base64Url.GetMaxDecodedLength(part.Length)];
        if (Base64Url.DecodeFromChars(part, decoded, out _, out int written) != OperationStatus.Done)
        {
            return false;
        }

        ReadOnlySpan<byte> json = decoded[..written].TrimStart(" \t\r\n"u8);
        if (json.IsEmpty || json[0] != (byte)'{')
        {
            return false;
        }

        // jwt.io's well-known sample token ("John Doe", sub 1234567890) is documentation, not a credential.
        isPublicExample = json.IndexOf("\"John Doe\""u8) >= 0 && json.IndexOf("1234567890"u8) >= 0;
        return mustContain is null || json.IndexOf(System.Text.Encoding.ASCII.GetBytes(mustContain)) >= 0;
    }
}

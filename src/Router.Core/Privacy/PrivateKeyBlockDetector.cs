namespace Router.Core.Privacy;

/// <summary>PEM and OpenSSH private keys (<c>-----BEGIN … PRIVATE KEY-----</c>) that carry key material, not just the header.</summary>
internal sealed class PrivateKeyBlockDetector : ITextDetector
{
    private const int HeaderLimit = 64;
    private const int BodySearchLimit = 400;
    private const int MinBodyRun = 24;

    public IReadOnlyList<string> Anchors { get; } = ["-----BEGIN "];

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, int at, string anchor, in TextScanContext context)
    {
        ReadOnlySpan<char> afterBegin = text[(at + anchor.Length)..];
        int close = afterBegin[..Math.Min(afterBegin.Length, HeaderLimit)].IndexOf("-----", StringComparison.Ordinal);
        if (close < 0)
        {
            return null;
        }

        ReadOnlySpan<char> label = afterBegin[..close];
        if (!label.EndsWith("PRIVATE KEY", StringComparison.Ordinal) && !label.EndsWith("PRIVATE KEY BLOCK", StringComparison.Ordinal))
        {
            return null;
        }

        // Code that only mentions the header ("if line.startswith('-----BEGIN RSA PRIVATE KEY-----')") has no key material after it.
        ReadOnlySpan<char> body = afterBegin[(close + 5)..];
        body = body[..Math.Min(body.Length, BodySearchLimit)];
        int runStart = -1;
        for (int i = 0; i <= body.Length; i++)
        {
            bool keyChar = i < body.Length && (char.IsAsciiLetterOrDigit(body[i]) || body[i] is '+' or '/' or '=');
            if (keyChar)
            {
                runStart = runStart < 0 ? i : runStart;
                continue;
            }

            // Base64 key material mixes cases with digits or symbols; a long camelCase identifier does not.
            if (runStart >= 0 && i - runStart >= MinBodyRun && ValueShape.CharacterClasses(body[runStart..i]) >= 3)
            {
                return new PrivacyFinding("private-key", context.Field, $"private key block ({label}) in {context.Field}");
            }

            runStart = -1;
        }

        return null;
    }
}

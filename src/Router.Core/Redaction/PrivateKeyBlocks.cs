namespace Router.Core.Redaction;

/// <summary>Replaces the key material of PEM and OpenSSH private key blocks, keeping their BEGIN and END lines, so a reader
/// still sees what kind of thing was there.</summary>
/// <remarks>The scanner confirms a block by its first line of key material; the lines after it would stay if the block were
/// redacted as a window of words, so the whole body goes at once.</remarks>
internal static class PrivateKeyBlocks
{
    private const string Begin = "-----BEGIN ";
    private const int HeaderLimit = 64;

    public static bool MayHold(string text) => text.Contains(Begin, StringComparison.Ordinal);

    public static string Strip(string text, string marker)
    {
        int from = 0;
        while (from < text.Length)
        {
            int begin = text.IndexOf(Begin, from, StringComparison.Ordinal);
            if (begin < 0)
            {
                break;
            }

            int labelStart = begin + Begin.Length;
            int close = text.AsSpan(labelStart, Math.Min(HeaderLimit, text.Length - labelStart)).IndexOf("-----", StringComparison.Ordinal);
            if (close < 0 || !text.AsSpan(labelStart, close).Contains("PRIVATE KEY", StringComparison.Ordinal))
            {
                from = labelStart;
                continue;
            }

            int bodyStart = labelStart + close + 5;
            int end = text.IndexOf("-----END ", bodyStart, StringComparison.Ordinal);
            int bodyEnd = end < 0 ? text.Length : end;
            string body = text[bodyStart..bodyEnd];
            if (body.Trim().Length == 0 || body.Trim() == marker)
            {
                from = bodyEnd;
                continue;
            }

            string replacement = $"\n{marker}\n";
            text = string.Concat(text.AsSpan(0, bodyStart), replacement, text.AsSpan(bodyEnd));
            from = bodyStart + replacement.Length;
        }

        return text;
    }
}

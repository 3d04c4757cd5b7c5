using System.Buffers;

namespace Router.Core.Privacy;

/// <summary>URLs and connection URIs with a password in them: <c>postgres://user:pass@host</c>.</summary>
internal sealed class CredentialUrlDetector : ITextDetector
{
    private const int MaxUserInfo = 256;
    private static readonly SearchValues<char> UserInfoStop = SearchValues.Create("@/?#\"'`<>()[]{} \t\r\n\\");

    // Passwords that only show where a real one goes.
    private static readonly HashSet<string> StandIns = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "pass", "passwd", "pwd", "pw", "p", "secret", "changeme", "token", "apikey", "api_key", "key", "x", "xxx",
    };

    public IReadOnlyList<string> Anchors { get; } = ["://"];

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, int at, string anchor, in TextScanContext context)
    {
        int schemeStart = at;
        while (schemeStart > 0 && (char.IsAsciiLetterOrDigit(text[schemeStart - 1]) || text[schemeStart - 1] is '+' or '.' or '-'))
        {
            schemeStart--;
        }

        if (at - schemeStart < 2)
        {
            return null;
        }

        ReadOnlySpan<char> afterScheme = text[(at + anchor.Length)..];
        int stop = afterScheme[..Math.Min(afterScheme.Length, MaxUserInfo)].IndexOfAny(UserInfoStop);
        if (stop <= 0 || afterScheme[stop] != '@' || stop + 1 >= afterScheme.Length || !char.IsAsciiLetterOrDigit(afterScheme[stop + 1]) && afterScheme[stop + 1] != '[')
        {
            return null;
        }

        ReadOnlySpan<char> userInfo = afterScheme[..stop];
        int colon = userInfo.IndexOf(':');
        if (colon < 0)
        {
            return null;
        }

        ReadOnlySpan<char> user = userInfo[..colon];
        ReadOnlySpan<char> password = userInfo[(colon + 1)..];
        if (password.IsEmpty || ValueShape.IsPlaceholder(password) || IsStandIn(password) || password.Equals(user, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string scheme = text[schemeStart..at].ToString().ToLowerInvariant();
        return new PrivacyFinding("credential-url", context.Field, $"password in a {scheme} URL in {context.Field}");
    }

    private static bool IsStandIn(ReadOnlySpan<char> password)
    {
        var lookup = StandIns.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.Contains(password);
    }
}

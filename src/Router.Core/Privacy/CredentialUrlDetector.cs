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
        if (stop > 0 && afterScheme[stop] == '{')
        {
            return InspectTemplate(text, afterScheme, stop, schemeStart, at, context);
        }

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

    // "mysql://app:{senha}@db/shop" in an f-string or template: the password is whatever literal the text gives the name.
    private static PrivacyFinding? InspectTemplate(
        ReadOnlySpan<char> text, ReadOnlySpan<char> afterScheme, int open, int schemeStart, int at, in TextScanContext context)
    {
        int colon = afterScheme[..open].IndexOf(':');
        int close = afterScheme[open..].IndexOf('}');
        if (colon < 0 || close <= 1 || close > 64 || open + close + 1 >= afterScheme.Length || afterScheme[open + close + 1] != '@'
            || afterScheme[(colon + 1)..open].TrimStart('$').Length > 0)
        {
            return null;
        }

        ReadOnlySpan<char> name = LiteralFlow.ReferencedName(afterScheme[open..(open + close + 1)]);
        Range literal = LiteralFlow.FindAssignedLiteral(text, name);
        if (literal.Equals(default(Range)))
        {
            return null;
        }

        ReadOnlySpan<char> password = text[literal];
        if (password.Length < 4 || ValueShape.IsPlaceholder(password) || IsStandIn(password))
        {
            return null;
        }

        string scheme = text[schemeStart..at].ToString().ToLowerInvariant();
        return new PrivacyFinding("credential-url", context.Field, $"password in a {scheme} URL, through a name, in {context.Field}");
    }

    private static bool IsStandIn(ReadOnlySpan<char> password)
    {
        var lookup = StandIns.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.Contains(password);
    }
}

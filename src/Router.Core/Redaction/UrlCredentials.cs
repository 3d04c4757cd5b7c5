using System.Buffers;
using System.Text;

namespace Router.Core.Redaction;

/// <summary>Finds the user info of URLs in any scheme (<c>http://admin:pw@host</c>, <c>postgres://u:p@db</c>,
/// <c>https://token@host</c>), also inside longer text, and replaces it with a marker.</summary>
/// <remarks>Any user info goes, not only passwords the privacy scanner would call real: a stand-in password or a bare
/// token as user name is as little the reader's business, and the host stays readable.</remarks>
internal static class UrlCredentials
{
    private const int MaxAuthority = 512;

    // Where an authority ends: a path, white space, or a character that closes a quoted URL. A query or fragment ends it
    // too, unless a careless password holds '?' or '#' ("http://admin:pa#ss@host"), which Uri rejects and so a
    // configuration error quotes: see IsUserInfo.
    private static readonly SearchValues<char> AuthorityStop = SearchValues.Create("/\"'`<> \t\r\n\\");

    public static bool MayHold(string text) => text.Contains("://", StringComparison.Ordinal);

    public static string Strip(string text, string marker)
    {
        StringBuilder? redacted = null;
        int copied = 0;
        int from = 0;
        while (from < text.Length)
        {
            int at = text.IndexOf("://", from, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            int start = at + 3;
            from = start;
            if (!HasScheme(text, at))
            {
                continue;
            }

            ReadOnlySpan<char> rest = text.AsSpan(start, Math.Min(text.Length - start, MaxAuthority));
            int stop = rest.IndexOfAny(AuthorityStop);
            ReadOnlySpan<char> authority = stop < 0 ? rest : rest[..stop];

            // The last '@': a careless password holds one of its own ("admin:p@ss@host").
            int userInfoEnd = authority.LastIndexOf('@');
            if (userInfoEnd <= 0 || authority[..userInfoEnd].SequenceEqual(marker) || !IsUserInfo(authority[..userInfoEnd]))
            {
                continue;
            }

            redacted ??= new StringBuilder(text.Length);
            redacted.Append(text, copied, start - copied).Append(marker);
            copied = start + userInfoEnd;
            from = copied;
        }

        return redacted is null ? text : redacted.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Whether the text before an '@' is user info, not a host with a query or fragment that holds an address
    /// ("http://host?to=a@b.org", "http://host:8080#a@b").</summary>
    private static bool IsUserInfo(ReadOnlySpan<char> beforeAt)
    {
        int query = beforeAt.IndexOfAny('?', '#');
        if (query < 0)
        {
            return true;
        }

        ReadOnlySpan<char> head = beforeAt[..query];
        int colon = head.IndexOf(':');
        return colon >= 0 && !(colon < head.Length - 1 && head[(colon + 1)..].IndexOfAnyExceptInRange('0', '9') < 0);
    }

    private static bool HasScheme(string text, int at)
    {
        int start = at;
        while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '+' or '.' or '-'))
        {
            start--;
        }

        return at - start >= 2 && char.IsAsciiLetter(text[start]);
    }
}

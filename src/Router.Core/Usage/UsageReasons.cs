namespace Router.Core.Usage;

/// <summary>A decision's reasons in the short form the usage ledger keeps: each reason's leading words only, so that no
/// detail quoted from the user's text (a signal's matched words, a file name, a model a setting named) is stored.</summary>
public static class UsageReasons
{
    private const int MaxWordsLength = 40;

    /// <summary>"code signal; continuity" from "code signal: 'def' …" and "continuity: 3 of last 4 on code".</summary>
    public static string ShortForm(IEnumerable<string> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        List<string> kept = [];
        foreach (string reason in reasons)
        {
            string head = Head(reason);
            if (head.Length > 0 && !kept.Contains(head, StringComparer.Ordinal))
            {
                kept.Add(head);
            }
        }

        return string.Join("; ", kept);
    }

    private static string Head(string reason)
    {
        // Everything after the first ':', ';', '(' or quote is detail, and may quote the user.
        int end = reason.IndexOfAny([':', ';', '(', '\'', '"', '`', ',']);
        string head = (end < 0 ? reason : reason[..end]).Trim();
        if (head.Length > MaxWordsLength)
        {
            head = head[..MaxWordsLength].TrimEnd();
        }

        // Only letters, digits, spaces and dashes: a reason that leads with anything else is dropped, not stored.
        return head.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '.') ? head : "";
    }
}

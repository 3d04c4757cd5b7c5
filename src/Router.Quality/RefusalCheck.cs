using System.Text.RegularExpressions;

namespace Router.Quality;

/// <summary>Recognises an answer that declines the task. Only the answer's opening counts: an explanation that later
/// says "you cannot call this twice" is not a refusal.</summary>
internal static partial class RefusalCheck
{
    // A refusal says so in its first sentence or two.
    private const int OpeningLength = 240;

    private const string Declines =
        @"(?:i|we)(?:\s+(?:really|simply|unfortunately))?\s*(?:can(?:no|')t|cannot|can\s+not|won't|will\s+not|(?:am|'m)\s+(?:not\s+able|unable|not\s+allowed|not\s+permitted)|must\s+(?:decline|refuse)|have\s+to\s+decline)";

    private const string Help =
        @"(?:help|assist|provide|comply|fulfil+|do\s+(?:that|this|so)|answer|complete|support|write|generate|create|produce|engage|continue|share|give|perform|process|refactor|explain|rewrite|modify|change)";

    /// <summary>Why the answer reads as a refusal, or null when its opening does not decline.</summary>
    public static string? Find(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        string opening = Opening(answer);
        if (ApologyThenDecline().IsMatch(opening))
        {
            return "refusal: the answer opens with an apology and declines";
        }

        if (Decline().IsMatch(opening))
        {
            return "refusal: the answer opens by declining the task";
        }

        if (AsAnAi().IsMatch(opening))
        {
            return "refusal: the answer opens with \"As an AI language model\"";
        }

        return null;
    }

    // The start of the answer, with typographic apostrophes made plain and markdown emphasis or a heading mark dropped.
    private static string Opening(string answer)
    {
        string start = answer.Length > OpeningLength ? answer[..OpeningLength] : answer;
        start = start.Replace('\u2019', '\'').Replace('\u2018', '\'');
        return start.TrimStart().TrimStart('*', '_', '#', '>', ' ');
    }

    [GeneratedRegex(@"^(?:(?:i'm|i\s+am)\s+(?:(?:really|very|so|truly)\s+)?sorry|sorry|(?:i\s+)?apologi[sz]e|my\s+apologies|unfortunately)\b[^.!?\n]{0,100}?\b" + Declines + @"\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ApologyThenDecline();

    [GeneratedRegex(@"^(?:" + Declines + @"\s+(?:(?:help|assist)\s+(?:you\s+)?with|be\s+able\s+to|" + Help + @")|(?:i|we)\s+(?:must|have\s+to|will\s+have\s+to|'ll\s+have\s+to)\s+(?:respectfully\s+)?(?:decline|refuse))\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Decline();

    [GeneratedRegex(@"^as\s+(?:an?\s+)?(?:ai|artificial\s+intelligence|(?:large\s+)?language\s+model)\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AsAnAi();
}

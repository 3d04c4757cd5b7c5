using System.Text;

namespace Router.Core.FillInTheMiddle;

/// <summary>A model family's own fill-in-the-middle prompt, for hosts that can't take a <c>suffix</c> (no <c>insert</c> capability):
/// the prompt with its special tokens in the family's order, and every special token, so none reaches the editor.</summary>
/// <param name="Family">The family's name, e.g. "qwen2.5-coder".</param>
/// <param name="Layout">The prompt with {prefix} and {suffix} holes.</param>
/// <param name="SpecialTokens">Tokens the model may emit that end the middle; each one is a stop sequence and is cut from the answer.</param>
public sealed record FillInTheMiddleTemplate(string Family, string Layout, IReadOnlyList<string> SpecialTokens)
{
    public const string PrefixHole = "{prefix}";
    public const string SuffixHole = "{suffix}";

    /// <summary>The raw prompt for a cursor between <paramref name="prefix"/> and <paramref name="suffix"/>.</summary>
    public string Render(string prefix, string suffix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(suffix);

        // Filled in one pass over the layout, so a prefix that happens to contain "{suffix}" is left alone.
        StringBuilder prompt = new(Layout.Length + prefix.Length + suffix.Length);
        int at = 0;
        while (at < Layout.Length)
        {
            if (string.CompareOrdinal(Layout, at, PrefixHole, 0, PrefixHole.Length) == 0)
            {
                prompt.Append(prefix);
                at += PrefixHole.Length;
            }
            else if (string.CompareOrdinal(Layout, at, SuffixHole, 0, SuffixHole.Length) == 0)
            {
                prompt.Append(suffix);
                at += SuffixHole.Length;
            }
            else
            {
                prompt.Append(Layout[at++]);
            }
        }

        return prompt.ToString();
    }

    /// <summary>The answer up to the first special token: a model that runs past its middle must not show its own markup.</summary>
    public string CutAtSpecialToken(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        int cut = answer.Length;
        foreach (string token in SpecialTokens)
        {
            int at = answer.IndexOf(token, StringComparison.Ordinal);
            if (at >= 0 && at < cut)
            {
                cut = at;
            }
        }

        return answer[..cut];
    }
}

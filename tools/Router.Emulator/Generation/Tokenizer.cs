using System.Text.RegularExpressions;

namespace Router.Emulator.Generation;

/// <summary>A stand-in tokenizer: a token is a word or one punctuation mark with the whitespace before it.
/// Joining the tokens gives back the text exactly.</summary>
internal static partial class Tokenizer
{
    public static IReadOnlyList<string> Split(string text)
    {
        var tokens = new List<string>();
        var end = 0;
        foreach (Match match in TokenPattern().Matches(text))
        {
            tokens.Add(match.Value);
            end = match.Index + match.Length;
        }

        if (end < text.Length)
        {
            // Trailing whitespace joins the last token (or is the only one).
            if (tokens.Count == 0)
            {
                tokens.Add(text[end..]);
            }
            else
            {
                tokens[^1] += text[end..];
            }
        }

        return tokens;
    }

    public static int Count(string? text) => string.IsNullOrEmpty(text) ? 0 : TokenPattern().Count(text);

    [GeneratedRegex(@"\s*(?:\w+|[^\w\s])", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}

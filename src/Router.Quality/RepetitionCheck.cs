using System.Globalization;
using System.Text.RegularExpressions;

namespace Router.Quality;

/// <summary>Recognises text that loops: the same words, line or sentence over and over, the way a small model fails.</summary>
internal static partial class RepetitionCheck
{
    // Passages up to this many words are looked for; a looping paragraph is longer, but its sentences loop too.
    private const int LongestPassage = 40;

    // Enough of a long answer to show a loop; the check stays linear in this.
    private const int MostWords = 20_000;

    // A sentence this long said three times is a loop, wherever the repeats stand.
    private const int SentenceWords = 8;

    /// <summary>Why the answer reads as looping, or null.</summary>
    /// <param name="prose">The answer's text outside code blocks, where a repeated sentence is never intended.</param>
    public static string? Find(string answer, string prose)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(prose);
        return FindLoop(Words(answer)) ?? FindRepeatedSentence(prose);
    }

    /// <summary>A passage repeated back to back: a word 8 times, two or three words 5 times, longer passages 3 times.
    /// Only passages holding a word count: "0, 0, 0, 0" in a byte array is data, not a loop.</summary>
    private static string? FindLoop(List<string> words)
    {
        for (int period = 1; period <= LongestPassage && period * 2 <= words.Count; period++)
        {
            int needed = period == 1 ? 8 : period <= 3 ? 5 : 3;
            int run = 0;
            for (int i = period; i < words.Count; i++)
            {
                run = string.Equals(words[i], words[i - period], StringComparison.Ordinal) ? run + 1 : 0;
                if ((run / period) + 1 < needed || !HoldsAWord(words, i - period + 1, period))
                {
                    continue;
                }

                while (i + 1 < words.Count && string.Equals(words[i + 1], words[i + 1 - period], StringComparison.Ordinal))
                {
                    i++;
                    run++;
                }

                string passage = period == 1 ? "the same word" : string.Create(CultureInfo.InvariantCulture, $"the same {period}-word passage");
                return string.Create(CultureInfo.InvariantCulture, $"repeated text: {passage} {(run / period) + 1} times in a row");
            }
        }

        return null;
    }

    private static bool HoldsAWord(List<string> words, int start, int count)
    {
        for (int i = start; i < start + count; i++)
        {
            if (char.IsLetter(words[i][0]) || words[i][0] == '_')
            {
                return true;
            }
        }

        return false;
    }

    private static string? FindRepeatedSentence(string prose)
    {
        Dictionary<string, int> seen = new(StringComparer.Ordinal);
        foreach (string sentence in SentenceBreaks().Split(prose))
        {
            List<string> words = Words(sentence);
            if (words.Count < SentenceWords)
            {
                continue;
            }

            string key = string.Join(' ', words);
            int count = seen[key] = seen.GetValueOrDefault(key) + 1;
            if (count == 3)
            {
                return string.Create(CultureInfo.InvariantCulture, $"repeated text: the same {words.Count}-word sentence 3 times");
            }
        }

        return null;
    }

    /// <summary>Lower-cased words and numbers (letters, digits, '_' and inner apostrophes), punctuation dropped.</summary>
    private static List<string> Words(string text)
    {
        List<string> words = [];
        int i = 0;
        while (i < text.Length && words.Count < MostWords)
        {
            if (!char.IsLetterOrDigit(text[i]) && text[i] != '_')
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'
                || (text[i] == '\'' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                i++;
            }

            words.Add(text[start..i].ToLowerInvariant());
        }

        return words;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SentenceBreaks();
}

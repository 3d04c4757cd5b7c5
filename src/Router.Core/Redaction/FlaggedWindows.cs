using System.Text;
using Router.Core.Privacy;

namespace Router.Core.Redaction;

/// <summary>Redacts whatever the privacy scanner flags, with the scanner itself as the judge of where it is: the shortest
/// run of words that is still flagged holds the secret, and it is replaced, cue word kept ("password ***").</summary>
/// <remarks>
/// The scanner tells that a text is private, not where; its detectors stay as they are, fast for whole requests. Outward
/// strings are short (a status line, an error, a cut host body), so finding the window by scanning prefixes and then
/// suffixes of one line costs well under a millisecond, and only for text that was flagged at all.
/// </remarks>
internal sealed class FlaggedWindows(PrivacyScanner scanner)
{
    private const string Field = "text";

    // Each round removes one secret; text with more than this many is replaced whole.
    private const int MaxRounds = 32;

    // Beyond this a line (or a text whose finding spans lines) is not searched for its window: it goes whole.
    private const int MaxSearchedText = 16 * 1024;

    private const int MaxCueWords = 6;

    private const string ClosingQuotes = "\"'`";

    public bool IsFlagged(string text) => scanner.ScanText(text, Field) is not null;

    /// <summary>The text with every flagged window replaced by <paramref name="marker"/>; the marker alone when the windows
    /// cannot be told apart.</summary>
    public string Redact(string text, string marker)
    {
        string current = text;
        for (int round = 0; round < MaxRounds; round++)
        {
            if (!IsFlagged(current))
            {
                return current;
            }

            string next = RedactFirst(current, marker);
            if (string.Equals(next, current, StringComparison.Ordinal))
            {
                break;
            }

            current = next;
        }

        return IsFlagged(current) ? marker : current;
    }

    private string RedactFirst(string text, string marker)
    {
        // A line flagged on its own is searched alone; a finding that spans lines is searched in the whole text.
        int lineStart = 0;
        while (lineStart <= text.Length)
        {
            int newline = text.IndexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.Length : newline;
            if (lineEnd > lineStart && IsFlagged(text[lineStart..lineEnd]))
            {
                string? redacted = lineEnd - lineStart <= MaxSearchedText ? RedactWindow(text, lineStart, lineEnd, marker) : null;
                return redacted ?? Replace(text, lineStart, lineEnd, marker);
            }

            if (newline < 0)
            {
                break;
            }

            lineStart = newline + 1;
        }

        return text.Length <= MaxSearchedText ? RedactWindow(text, 0, text.Length, marker) ?? marker : marker;
    }

    /// <summary>Replaces the shortest flagged run of words in text[start..end]; null when no run of its words is flagged.</summary>
    private string? RedactWindow(string text, int start, int end, string marker)
    {
        List<(int Start, int End)> words = TextWords.Of(text, start, end);
        // A word is judged with the punctuation after it: a quoted value is an assignment's only once its quote closes.
        int last = -1;
        for (int i = 0; i < words.Count; i++)
        {
            if (IsFlagged(text[start..AfterWord(words, i, end)]))
            {
                last = i;
                break;
            }
        }

        if (last < 0)
        {
            return null;
        }

        int windowEnd = AfterWord(words, last, end);
        int first = -1;
        for (int i = last; i >= 0; i--)
        {
            if (IsFlagged(text[words[i].Start..windowEnd]))
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return null;
        }

        first += LeadingCues(text, words, first, last);

        int from = words[first].Start;
        int to = ExtendToValueEnd(text, from, words[last].End, end);
        return Replace(text, from, to, marker);
    }

    /// <summary>How many words at the start of a window only name what follows ("password is Lantern$42", "SSN 078-05-1120"):
    /// they stay readable when a value with digits or symbols follows them. A window of words alone (a seed phrase) goes whole.</summary>
    private static int LeadingCues(string text, List<(int Start, int End)> words, int first, int last)
    {
        int cues = 0;
        while (cues < MaxCueWords && first + cues < last && TextWords.IsCue(Word(text, words[first + cues])))
        {
            cues++;
        }

        for (int i = first + cues; i <= last; i++)
        {
            if (!TextWords.IsCue(Word(text, words[i])))
            {
                return cues;
            }
        }

        return 0;
    }

    private static int AfterWord(List<(int Start, int End)> words, int i, int end) => i + 1 < words.Count ? words[i + 1].Start : end;

    private static ReadOnlySpan<char> Word(string text, (int Start, int End) word) => text.AsSpan(word.Start, word.End - word.Start);

    /// <summary>Where the value that ends at <paramref name="to"/> really ends: at the closing quote of a quoted value
    /// ("correct horse battery staple"), else at the white space after it, without the punctuation that closes it.</summary>
    private static int ExtendToValueEnd(string text, int from, int to, int limit)
    {
        if (from > 0 && ClosingQuotes.Contains(text[from - 1], StringComparison.Ordinal))
        {
            int close = text.IndexOf(text[from - 1], to, limit - to);
            if (close >= 0 && text.IndexOf('\n', to, close - to) < 0)
            {
                return Math.Max(to, close);
            }
        }

        int end = to;
        while (end < limit && !char.IsWhiteSpace(text[end]) && !TextWords.EndsSpacelessValue(text[end]))
        {
            end++;
        }

        while (end > to && (TextWords.IsSeparator(text[end - 1]) || text[end - 1] is '.' or '!' or '?'))
        {
            end--;
        }

        return end;
    }

    private static string Replace(string text, int from, int to, string marker) =>
        new StringBuilder(text.Length).Append(text, 0, from).Append(marker).Append(text, to, text.Length - to).ToString();
}

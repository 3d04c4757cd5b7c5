using System.Buffers;

namespace Router.Quality;

/// <summary>Finds the code in an answer: its fenced blocks (<c>```lang</c> or <c>~~~</c>), or, when it has none and
/// bare code is expected, the answer without the sentences that introduce or close it.</summary>
internal static class CodeBlockExtractor
{
    private static readonly SearchValues<char> CodePunctuation = SearchValues.Create("(){}[];=<>\"`");

    public static List<CodeBlock> Extract(string answer, bool bareIsCode)
    {
        ArgumentNullException.ThrowIfNull(answer);
        string[] lines = answer.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        List<CodeBlock> blocks = [];
        int i = 0;
        while (i < lines.Length)
        {
            if (!IsFence(lines[i], out char fenceChar, out int fenceLength, out string info))
            {
                i++;
                continue;
            }

            int start = i + 1;
            int end = start;
            while (end < lines.Length && !IsClosingFence(lines[end], fenceChar, fenceLength))
            {
                end++;
            }

            string tag = info.Split((char[])[' ', '\t', '{', ','], 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            blocks.Add(new CodeBlock(tag.Length == 0 ? null : tag, string.Join('\n', lines[start..end]), start + 1));
            i = end + 1;
        }

        if (blocks.Count == 0 && bareIsCode)
        {
            (int first, int last) = WithoutProse(lines);
            if (first <= last)
            {
                blocks.Add(new CodeBlock(null, string.Join('\n', lines[first..(last + 1)]), first + 1));
            }
        }

        return blocks;
    }

    /// <summary>The answer's text outside its fenced blocks.</summary>
    public static string Prose(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        string[] lines = answer.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        List<string> prose = [];
        int i = 0;
        while (i < lines.Length)
        {
            if (IsFence(lines[i], out char fenceChar, out int fenceLength, out _))
            {
                i++;
                while (i < lines.Length && !IsClosingFence(lines[i], fenceChar, fenceLength))
                {
                    i++;
                }

                i++;
                continue;
            }

            prose.Add(lines[i]);
            i++;
        }

        return string.Join('\n', prose);
    }

    private static bool IsFence(string line, out char fenceChar, out int length, out string info)
    {
        ReadOnlySpan<char> text = line.AsSpan().TrimEnd();
        int indent = text.Length - text.TrimStart(' ').Length;
        text = text.TrimStart(' ');
        fenceChar = text.Length > 0 ? text[0] : '\0';
        length = 0;
        info = "";
        if (indent > 3 || fenceChar is not ('`' or '~'))
        {
            return false;
        }

        while (length < text.Length && text[length] == fenceChar)
        {
            length++;
        }

        if (length < 3)
        {
            return false;
        }

        info = text[length..].Trim().ToString();
        // A backtick fence's info string never holds a backtick; "```x```" on one line is inline code.
        return fenceChar != '`' || !info.Contains('`', StringComparison.Ordinal);
    }

    private static bool IsClosingFence(string line, char fenceChar, int openLength)
    {
        ReadOnlySpan<char> text = line.AsSpan().Trim();
        int length = 0;
        while (length < text.Length && text[length] == fenceChar)
        {
            length++;
        }

        return length >= openLength && length == text.Length;
    }

    // Leading and trailing paragraphs that open with a sentence ("Here is the refactored method:") are not code.
    private static (int First, int Last) WithoutProse(string[] lines)
    {
        int first = 0;
        int last = lines.Length - 1;
        while (true)
        {
            while (first <= last && string.IsNullOrWhiteSpace(lines[first]))
            {
                first++;
            }

            if (first > last || !IsSentence(lines[first]))
            {
                break;
            }

            while (first <= last && !string.IsNullOrWhiteSpace(lines[first]))
            {
                first++;
            }
        }

        while (true)
        {
            while (last >= first && string.IsNullOrWhiteSpace(lines[last]))
            {
                last--;
            }

            int start = last;
            while (start > first && !string.IsNullOrWhiteSpace(lines[start - 1]))
            {
                start--;
            }

            if (last < first || !IsSentence(lines[start]))
            {
                break;
            }

            last = start - 1;
        }

        return (first, last);
    }

    /// <summary>A line that reads as a sentence: capitalised, several words, no code punctuation.</summary>
    internal static bool IsSentence(string line)
    {
        string text = line.Trim();
        if (text.Length == 0 || !char.IsUpper(text[0]) || text.AsSpan().IndexOfAny(CodePunctuation) >= 0)
        {
            return false;
        }

        return text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4;
    }
}

namespace Router.Lsp.Completion;

/// <summary>Turns a model's raw fill-in-the-middle answer into what the editor should show.</summary>
internal static class CompletionPostProcessor
{
    private static readonly char[] LineBreaks = ['\r', '\n'];

    /// <summary>Cuts single-line answers at the first line break, drops a tail that repeats the text after the
    /// cursor, and returns an empty string for whitespace-only answers.</summary>
    public static string Process(string raw, FillInTheMiddleContext context)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(context);
        string text = raw;
        if (!context.MultiLine)
        {
            int lineBreak = text.IndexOfAny(LineBreaks);
            if (lineBreak >= 0)
            {
                text = text[..lineBreak];
            }
        }

        text = DropSuffixOverlap(text.TrimEnd(), context.Suffix).TrimEnd();
        return string.IsNullOrWhiteSpace(text) ? string.Empty : text;
    }

    /// <summary>An answer the deadline cut mid-stream: only its complete lines, since a half-written line would be shown as a
    /// suggestion; empty when not even its first line was finished.</summary>
    public static string KeepWholeLines(string cut)
    {
        ArgumentNullException.ThrowIfNull(cut);
        int lastBreak = cut.LastIndexOfAny(LineBreaks);
        return lastBreak < 0 ? string.Empty : cut[..(lastBreak + 1)];
    }

    /// <summary>Removes the longest tail of the completion that is also the start of the suffix, when that tail
    /// covers at least the suffix's first line and removing it leaves the completion's brackets no more open than
    /// before (so <c>foo()</c> before <c>)</c> keeps its own parenthesis, while <c>a, b)</c> loses the duplicate).</summary>
    private static string DropSuffixOverlap(string text, string suffix)
    {
        if (text.Length == 0 || suffix.Length == 0)
        {
            return text;
        }

        int balance = Balance(text);
        string[] candidates = [suffix, suffix.TrimStart()];
        for (int length = text.Length; length > 0; length--)
        {
            ReadOnlySpan<char> tail = text.AsSpan(text.Length - length);
            if (tail.IsWhiteSpace())
            {
                continue;
            }

            foreach (string candidate in candidates)
            {
                if (length > candidate.Length || !candidate.AsSpan(0, length).SequenceEqual(tail))
                {
                    continue;
                }

                int firstLine = candidate.IndexOfAny(LineBreaks);
                ReadOnlySpan<char> firstLineText = (firstLine < 0 ? candidate.AsSpan() : candidate.AsSpan(0, firstLine)).TrimEnd();
                if (tail.TrimEnd().Length < firstLineText.Length)
                {
                    continue;
                }

                string rest = text[..^length];
                if (Balance(rest) == Math.Max(0, balance))
                {
                    return rest;
                }
            }
        }

        return text;
    }

    private static int Balance(string text)
    {
        int balance = 0;
        foreach (char c in text)
        {
            balance += c switch
            {
                '(' or '[' or '{' => 1,
                ')' or ']' or '}' => -1,
                _ => 0,
            };
        }

        return balance;
    }
}

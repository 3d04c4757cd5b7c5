using Router.Core.Tokens;

namespace Router.Lsp.Completion;

/// <summary>Cuts the prefix and suffix around the cursor to their token budgets, whole lines at a time, keeping the
/// lines nearest the cursor, and decides whether the completion may span several lines.</summary>
internal sealed class FillInTheMiddleContextBuilder(TokenCounter tokens, int prefixBudget, int suffixBudget)
{
    private static readonly char[] BlockOpeners = ['{', '(', '[', ':'];
    private static readonly char[] LineBreaks = ['\r', '\n'];

    public FillInTheMiddleContext Build(string text, int cursor)
    {
        ArgumentNullException.ThrowIfNull(text);
        cursor = Math.Clamp(cursor, 0, text.Length);
        (string prefix, int prefixTokens) = KeepEnd(text[..cursor], prefixBudget);
        (string suffix, int suffixTokens) = KeepStart(text[cursor..], suffixBudget);
        return new FillInTheMiddleContext(prefix, suffix, IsMultiLine(text, cursor), prefixTokens, suffixTokens);
    }

    /// <summary>Multi-line when nothing but whitespace follows the cursor on its line and the cursor starts a fresh
    /// line or follows a block opener; otherwise the model only finishes the current line.</summary>
    private static bool IsMultiLine(string text, int cursor)
    {
        int lineEnd = text.IndexOfAny(LineBreaks, cursor);
        ReadOnlySpan<char> after = text.AsSpan(cursor, (lineEnd < 0 ? text.Length : lineEnd) - cursor);
        if (!after.IsWhiteSpace())
        {
            return false;
        }

        int lineStart = cursor == 0 ? 0 : text.LastIndexOfAny(LineBreaks, cursor - 1) + 1;
        ReadOnlySpan<char> before = text.AsSpan(lineStart, cursor - lineStart).TrimEnd();
        return before.IsEmpty || Array.IndexOf(BlockOpeners, before[^1]) >= 0;
    }

    private (string Text, int Tokens) KeepEnd(string prefix, int budget)
    {
        int total = tokens.Count(prefix);
        if (total <= budget)
        {
            return (prefix, total);
        }

        // Walk back line by line from the cursor while the budget lasts.
        int start = prefix.Length;
        int used = 0;
        while (start > 0)
        {
            // The line holding the character before `start` begins after the previous line break.
            int lineStart = start >= 2 ? prefix.LastIndexOfAny(LineBreaks, start - 2) + 1 : 0;
            int cost = tokens.Count(prefix[lineStart..start]);
            if (used + cost > budget)
            {
                break;
            }

            used += cost;
            start = lineStart;
        }

        if (start == prefix.Length)
        {
            // Even the cursor's own line is over budget: keep as many of its last characters as fit.
            return KeepLastCharacters(prefix, budget);
        }

        string kept = prefix[start..];
        return (kept, tokens.Count(kept));
    }

    private (string Text, int Tokens) KeepStart(string suffix, int budget)
    {
        int total = tokens.Count(suffix);
        if (total <= budget)
        {
            return (suffix, total);
        }

        int end = 0;
        int used = 0;
        while (end < suffix.Length)
        {
            int lineEnd = suffix.IndexOfAny(LineBreaks, end);
            lineEnd = lineEnd < 0 ? suffix.Length : lineEnd + 1;
            int cost = tokens.Count(suffix[end..lineEnd]);
            if (used + cost > budget)
            {
                break;
            }

            used += cost;
            end = lineEnd;
        }

        if (end == 0)
        {
            return KeepFirstCharacters(suffix, budget);
        }

        string kept = suffix[..end];
        return (kept, tokens.Count(kept));
    }

    private (string Text, int Tokens) KeepFirstCharacters(string suffix, int budget)
    {
        int low = 0;
        int high = suffix.Length;
        while (low < high)
        {
            int middle = (low + high + 1) / 2;
            if (tokens.Count(suffix[..middle]) <= budget)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        string kept = suffix[..low];
        return (kept, tokens.Count(kept));
    }

    private (string Text, int Tokens) KeepLastCharacters(string prefix, int budget)
    {
        int low = 0;
        int high = prefix.Length;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (tokens.Count(prefix[middle..]) <= budget)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        string kept = prefix[low..];
        return (kept, tokens.Count(kept));
    }
}

using System.Globalization;

namespace Router.Quality;

/// <summary>Checks that brackets pair up and that quotes and block comments close, skipping what sits inside string
/// literals and comments: the syntax check for languages without a parser here.</summary>
internal static class BracketBalanceCheck
{
    /// <summary>The first imbalance in <paramref name="code"/>, or null when everything pairs up.</summary>
    /// <param name="firstLine">The number of the code's first line, so lines are named as the answer counts them.</param>
    /// <param name="bracketsOnly">Report only brackets: a string or comment left open ends at its line (or the end)
    /// instead. Used to tell whether a selection is a fragment, where prose apostrophes must not count.</param>
    public static SyntaxProblem? Find(string code, LanguageSyntax syntax, int firstLine = 1, bool bracketsOnly = false)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(syntax);
        Stack<(char Bracket, int Line)> open = new();
        int line = firstLine;
        int i = 0;
        while (i < code.Length)
        {
            char c = code[i];
            if (c == '\n')
            {
                line++;
                i++;
                continue;
            }

            if (StartsBlockComment(code, i, syntax) is { } comment)
            {
                int close = code.IndexOf(comment.Close, i + comment.Open.Length, StringComparison.Ordinal);
                if (close < 0)
                {
                    return bracketsOnly ? Unclosed(open) : new SyntaxProblem(Text($"comment opened with '{comment.Open}' at line {line} is never closed"), line);
                }

                line += CountNewlines(code, i, close);
                i = close + comment.Close.Length;
                continue;
            }

            if (StartsLineComment(code, i, syntax))
            {
                int end = code.IndexOf('\n', i);
                i = end < 0 ? code.Length : end;
                continue;
            }

            if (syntax.Quotes.Contains(c, StringComparison.Ordinal))
            {
                int startLine = line;
                int end = SkipLiteral(code, i, syntax, ref line);
                if (end < 0)
                {
                    if (!bracketsOnly)
                    {
                        string quote = IsTriple(code, i, syntax) ? new string(c, 3) : c.ToString();
                        return new SyntaxProblem(Text($"the quote {quote} at line {startLine} is never closed"), startLine);
                    }

                    // A quote left open ends at its line, so the brackets after it still count.
                    int next = code.IndexOf('\n', i);
                    line = startLine;
                    i = next < 0 ? code.Length : next;
                    continue;
                }

                i = end;
                continue;
            }

            int bracket = syntax.Brackets.IndexOf(c, StringComparison.Ordinal);
            if (bracket >= 0)
            {
                if (bracket % 2 == 0)
                {
                    open.Push((c, line));
                }
                else
                {
                    char opener = syntax.Brackets[bracket - 1];
                    if (open.Count == 0)
                    {
                        return new SyntaxProblem(Text($"'{c}' at line {line} has no matching '{opener}'"), line);
                    }

                    (char top, int topLine) = open.Pop();
                    if (top != opener)
                    {
                        return new SyntaxProblem(Text($"'{c}' at line {line} closes the '{top}' opened at line {topLine}"), line);
                    }
                }
            }

            i++;
        }

        return Unclosed(open);
    }

    private static SyntaxProblem? Unclosed(Stack<(char Bracket, int Line)> open) =>
        open.TryPeek(out (char Bracket, int Line) top)
            ? new SyntaxProblem(Text($"'{top.Bracket}' opened at line {top.Line} is never closed"), top.Line)
            : null;

    private static BlockComment? StartsBlockComment(string code, int i, LanguageSyntax syntax)
    {
        foreach (BlockComment comment in syntax.BlockComments)
        {
            if (string.CompareOrdinal(code, i, comment.Open, 0, comment.Open.Length) == 0)
            {
                return comment;
            }
        }

        return null;
    }

    private static bool StartsLineComment(string code, int i, LanguageSyntax syntax)
    {
        foreach (string marker in syntax.LineComments)
        {
            if (string.CompareOrdinal(code, i, marker, 0, marker.Length) != 0)
            {
                continue;
            }

            if (marker == "#" && syntax.HashCommentNeedsWordStart && i > 0 && !IsWordBoundary(code[i - 1]))
            {
                continue;
            }

            return true;
        }

        return false;
    }

    private static bool IsWordBoundary(char before) => char.IsWhiteSpace(before) || before is ';' or '|' or '&' or '(';

    private static bool IsTriple(string code, int i, LanguageSyntax syntax)
    {
        char c = code[i];
        bool tripleCapable = syntax.TripleQuotes && (c == '"' || (c == '\'' && !syntax.SingleQuoteIsChar));
        return tripleCapable && i + 2 < code.Length && code[i + 1] == c && code[i + 2] == c;
    }

    /// <summary>The index just past the literal opening at <paramref name="start"/>, or -1 when it is never closed.
    /// A <c>'</c> that opens no character literal where <c>'</c> only opens those is skipped as plain text.</summary>
    private static int SkipLiteral(string code, int start, LanguageSyntax syntax, ref int line)
    {
        char quote = code[start];
        if (quote == '\'' && syntax.SingleQuoteIsChar)
        {
            return start + CharLiteralLength(code, start);
        }

        if (IsTriple(code, start, syntax))
        {
            string triple = new(quote, 3);
            int close = code.IndexOf(triple, start + 3, StringComparison.Ordinal);
            if (close < 0)
            {
                return -1;
            }

            line += CountNewlines(code, start, close);
            return close + 3;
        }

        bool spansLines = syntax.QuotesSpanLines || syntax.MultiLineQuotes.Contains(quote, StringComparison.Ordinal);
        int lines = 0;
        for (int j = start + 1; j < code.Length; j++)
        {
            char d = code[j];
            if (d == syntax.Escape && syntax.Escape != '\0' && j + 1 < code.Length)
            {
                if (code[j + 1] == '\n')
                {
                    lines++;
                }

                j++;
            }
            else if (d == quote)
            {
                line += lines;
                return j + 1;
            }
            else if (d == '\n')
            {
                if (!spansLines)
                {
                    return -1;
                }

                lines++;
            }
        }

        return -1;
    }

    /// <summary>The length of a character literal ('a', '\n', '\u00e9') at <paramref name="start"/>, or 1 to step over
    /// a lone apostrophe.</summary>
    private static int CharLiteralLength(string code, int start)
    {
        int first = start + 1;
        if (first >= code.Length || code[first] is '\n' or '\'')
        {
            return 1;
        }

        if (code[first] == '\\')
        {
            for (int k = first + 2; k < code.Length && k <= first + 10 && code[k] != '\n'; k++)
            {
                if (code[k] == '\'')
                {
                    return k - start + 1;
                }
            }

            return 1;
        }

        return first + 1 < code.Length && code[first + 1] == '\'' ? 3 : 1;
    }

    private static int CountNewlines(string code, int from, int to)
    {
        int count = 0;
        foreach (char c in code.AsSpan(from, to - from))
        {
            if (c == '\n')
            {
                count++;
            }
        }

        return count;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

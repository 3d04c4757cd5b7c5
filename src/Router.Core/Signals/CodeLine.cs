using System.Buffers;
using System.Text.RegularExpressions;

namespace Router.Core.Signals;

/// <summary>Whether one line of a text reads as code: its start reads as code, or it holds an operator, ends a statement
/// or opens a block.</summary>
/// <remarks>The start is one anchored regex, <see cref="StartPattern"/>; the rest are plain span searches. The regex is
/// slow to fail on a line of prose (it tries some thirty branches), so it is tried only where the line's first
/// character can begin one of them (see <see cref="MayStart"/>).</remarks>
internal static partial class CodeLine
{
    internal const string StartPattern = @"^\s*(?:(?:def|class|func|fn|impl|import|package|public|private|protected|internal|static|const|let|var|val|return|struct|enum|interface|namespace|using|async|await|export|module|require|elif|fi|done|esac|try|catch|finally|throw|raise|yield|lambda|match|where|select)\b(?!\s+(?:the|a|an|is|are|you|we|i|it|me|us|to|of|and|or)\b)|from\s+[\w.]+\s+import\b|#include\b|#!/|#\[\w|@\w+(?:\(|\s*$)|(?:SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(?:TABLE|INDEX|VIEW|FUNCTION)|ALTER\s+TABLE|WITH\s+\w+\s+AS|FROM|WHERE|(?:LEFT\s+|INNER\s+|CROSS\s+)?JOIN|GROUP\s+BY|ORDER\s+BY|LIMIT)\b|(?:if|for|while|switch|foreach|catch)\s*\(|if\s+\[|[A-Za-z_$][\w.$]*(?:\[[^\]\n]*\])?\s*(?::=|\+=|-=|\*=|\|=|=)\s*\S|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\([^()\n]*\)\s*;?\s*$|""[^""\n]+""\s*:\s*\S|-?\s*[a-z_][\w.-]*:(?:\s+\S|\s*$)|</?[A-Za-z][\w:-]*(?:\s[^<>\n]*)?/?>\s*$|[})\]]+[;,)]*\s*$|\$\s+\w)";

    private static readonly SearchValues<char> OperatorStarts = SearchValues.Create("=:!&|");

    public static bool IsCode(ReadOnlySpan<char> line)
    {
        if (HoldsCodeOperator(line))
        {
            return true;
        }

        ReadOnlySpan<char> trimmed = line.TrimEnd();
        return (trimmed.Length > 0 && trimmed[^1] is ';' or '{') || (MayStart(line) && Start().IsMatch(line));
    }

    /// <summary>False when no branch of <see cref="StartPattern"/> can match the line, judged by its first character after
    /// the indentation: a line of prose begins with a capital letter, which only an SQL keyword in capitals, an assignment
    /// (which holds '=') or a call (which holds '(') can begin with.</summary>
    internal static bool MayStart(ReadOnlySpan<char> line)
    {
        ReadOnlySpan<char> rest = line.TrimStart();
        if (rest.IsEmpty)
        {
            return false;
        }

        char first = rest[0];
        if (char.IsAsciiLetterUpper(first))
        {
            return (rest.Length > 1 && char.IsAsciiLetterUpper(rest[1])) || rest.ContainsAny('=', '(');
        }

        return char.IsAsciiLetterLower(first) || first is '#' or '@' or '_' or '$' or '"' or '-' or '<' or '}' or ')' or ']';
    }

    /// <summary>Whether the line holds =>, ::, :=, ==, !=, &amp;&amp; or ||: a search for their first characters, then a look at
    /// the next one, which on prose (few such characters) costs far less than a search for the pairs.</summary>
    private static bool HoldsCodeOperator(ReadOnlySpan<char> line)
    {
        for (int i = line.IndexOfAny(OperatorStarts); i >= 0 && i + 1 < line.Length;)
        {
            char next = line[i + 1];
            bool pair = line[i] switch
            {
                '=' => next is '>' or '=',
                ':' => next is ':' or '=',
                '!' => next == '=',
                _ => next == line[i],
            };
            if (pair)
            {
                return true;
            }

            int further = line[(i + 1)..].IndexOfAny(OperatorStarts);
            i = further < 0 ? -1 : i + 1 + further;
        }

        return false;
    }

    [GeneratedRegex(StartPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Start();
}

using System.Text;
using System.Text.RegularExpressions;

namespace Router.Emulator.Generation;

/// <summary>Deterministic fill-in-the-middle continuations that fit the prefix's language and indentation:
/// a body after a line that opens a block, the rest of a statement otherwise, without repeating what follows the cursor.</summary>
internal static partial class CodeContinuation
{
    public static string Continue(string prefix, string suffix)
    {
        var newline = prefix.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = prefix.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var current = lines[^1];
        var language = Detect(prefix + suffix);
        var unit = IndentUnit(lines);
        var seed = StableHash.Of(prefix + "\u0000" + suffix);
        var names = Names(lines, language);
        var trimmed = current.Trim();
        var indent = Leading(current);
        var suffixStart = suffix.TrimStart(' ', '\t', '\r', '\n');

        if (trimmed.Length == 0)
        {
            // At the start of a line: continue the block the previous line opened, or the one it sits in.
            var previous = lines[..^1].LastOrDefault(l => l.Trim().Length > 0) ?? "";
            var blockIndent = Leading(previous) + (OpensBlock(previous.Trim(), language) ? unit : "");
            var stillToType = blockIndent.StartsWith(indent, StringComparison.Ordinal) ? blockIndent[indent.Length..] : "";
            return stillToType + Render(Body(language, names, seed), blockIndent, unit, newline);
        }

        if (OpensBlock(trimmed, language))
        {
            var inner = indent + unit;
            var text = newline + inner + Render(Body(language, names, seed), inner, unit, newline);
            var closesWithBrace = language != CodeLanguage.Python && trimmed.EndsWith('{');
            if (closesWithBrace && !suffixStart.StartsWith('}'))
            {
                text += newline + indent + "}";
            }

            return text;
        }

        var rest = CompleteLine(trimmed, language, trimmed.EndsWith("=>", StringComparison.Ordinal) ? Properties(lines, names) : names);
        if (current.EndsWith(' ') || current.EndsWith('\t'))
        {
            // The space is already typed.
            rest = rest.TrimStart(' ');
        }

        return TrimOverlap(rest, suffix.TrimStart(' ', '\t'));
    }

    private static string CompleteLine(string line, CodeLanguage language, List<string> names)
    {
        var terminator = language is CodeLanguage.Python or CodeLanguage.Go ? "" : ";";
        var first = names.Count > 0 ? names[0] : "value";
        var second = names.Count > 1 ? names[1] : first;
        string completion;
        if (line.EndsWith('('))
        {
            completion = string.Join(", ", names.Take(2).DefaultIfEmpty(first));
        }
        else if (line.EndsWith("=>", StringComparison.Ordinal))
        {
            // An expression body: combine what is in scope.
            completion = names.Count > 1 ? $" {first} + {second}" : " " + first;
        }
        else if (line.EndsWith('=') && !line.EndsWith("==", StringComparison.Ordinal))
        {
            completion = " " + first;
        }
        else if (line.EndsWith('.'))
        {
            completion = language switch
            {
                CodeLanguage.Python => "strip()",
                CodeLanguage.Go => "String()",
                CodeLanguage.Rust => "clone()",
                CodeLanguage.JavaScript => "toString()",
                _ => "ToString()",
            };
        }
        else if (line.EndsWith(','))
        {
            completion = " " + second;
        }
        else if (EndsWithWord(line, "return"))
        {
            completion = " " + first;
        }
        else if (EndsWithWord(line, "if") || EndsWithWord(line, "while"))
        {
            completion = language switch
            {
                CodeLanguage.Python => $" {first} is None:",
                CodeLanguage.Go => $" {first} == nil {{",
                CodeLanguage.Rust => $" {first}.is_empty() {{",
                CodeLanguage.JavaScript => $" (!{first}) {{",
                _ => $" ({first} is null)",
            };
            return completion;
        }
        else if (char.IsLetterOrDigit(line[^1]) || line[^1] == '_')
        {
            // A name being typed: call it with what is in scope.
            completion = Unbalanced(line) > 0 ? "" : "(" + first + ")";
        }
        else
        {
            completion = "";
        }

        var whole = line + completion;
        completion += new string(')', Math.Max(0, Unbalanced(whole)));
        if (!(whole.EndsWith(';') || whole.EndsWith('{') || whole.EndsWith('}') || whole.EndsWith(':')))
        {
            completion += terminator;
        }

        return completion;
    }

    private static IReadOnlyList<CodeLine> Body(CodeLanguage language, List<string> names, uint seed)
    {
        var p = names.Count > 0 ? names[0] : "value";
        var guarded = seed % 2 == 0;
        return (language, guarded) switch
        {
            (CodeLanguage.Python, true) =>
                [new(0, $"if {p} is None:"), new(1, $"raise ValueError(\"{p} is required\")"), new(0, $"return {p}")],
            (CodeLanguage.Python, false) => [new(0, $"result = {p}"), new(0, "return result")],
            (CodeLanguage.Go, true) => [new(0, $"if {p} == nil {{"), new(1, "return nil"), new(0, "}"), new(0, $"return {p}")],
            (CodeLanguage.Go, false) => [new(0, $"result := {p}"), new(0, "return result")],
            (CodeLanguage.Rust, true) => [new(0, $"let result = {p}.clone();"), new(0, "result")],
            (CodeLanguage.Rust, false) => [new(0, $"let result = {p};"), new(0, "result")],
            (CodeLanguage.JavaScript, true) =>
                [new(0, $"if (!{p}) {{"), new(1, $"throw new Error('{p} is required');"), new(0, "}"), new(0, $"return {p};")],
            (CodeLanguage.JavaScript, false) => [new(0, $"const result = {p};"), new(0, "return result;")],
            (_, true) =>
            [
                new(0, $"ArgumentNullException.ThrowIfNull({p});"),
                new(0, $"var result = {p};"),
                new(0, "return result;"),
            ],
            _ => [new(0, $"var result = {p};"), new(0, "return result;")],
        };
    }

    /// <summary>Lines after the first get the block's indentation; the first continues where the cursor is.</summary>
    private static string Render(IReadOnlyList<CodeLine> lines, string blockIndent, string unit, string newline)
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var levelIndent = string.Concat(Enumerable.Repeat(unit, lines[i].Level));
            if (i > 0)
            {
                text.Append(newline).Append(blockIndent);
            }

            text.Append(levelIndent).Append(lines[i].Text);
        }

        return text.ToString();
    }

    private static bool OpensBlock(string line, CodeLanguage language) =>
        line.EndsWith('{') || (language == CodeLanguage.Python && line.EndsWith(':'));

    private static CodeLanguage Detect(string code)
    {
        if (PythonPattern().IsMatch(code) && !BraceLinePattern().IsMatch(code))
        {
            return CodeLanguage.Python;
        }

        if (code.Contains("func ", StringComparison.Ordinal) && code.Contains("package ", StringComparison.Ordinal))
        {
            return CodeLanguage.Go;
        }

        if (code.Contains("fn ", StringComparison.Ordinal) && (code.Contains("let ", StringComparison.Ordinal) || code.Contains("->", StringComparison.Ordinal)))
        {
            return CodeLanguage.Rust;
        }

        if (code.Contains("function ", StringComparison.Ordinal) || code.Contains("=>", StringComparison.Ordinal) && code.Contains("const ", StringComparison.Ordinal))
        {
            return CodeLanguage.JavaScript;
        }

        return CodeLanguage.CSharp;
    }

    private static string IndentUnit(string[] lines)
    {
        if (lines.Any(l => l.StartsWith('\t')))
        {
            return "\t";
        }

        var widths = lines
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Length - l.TrimStart(' ').Length)
            .Where(w => w > 0)
            .ToList();
        return new string(' ', widths.Count == 0 ? 4 : widths.Min() is var w && w <= 8 ? w : 4);
    }

    /// <summary>Parameter names of the nearest function signature above the cursor, else names on the cursor line.</summary>
    // An expression-bodied member usually combines the properties declared above it.
    private static List<string> Properties(string[] lines, List<string> fallback)
    {
        var declared = lines.SelectMany(l => PropertyPattern().Matches(l)).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToList();
        return declared.Count > 0 ? declared : fallback;
    }

    [GeneratedRegex(@"\b(?<name>[A-Za-z_]\w*)\s*\{\s*get\b")]
    private static partial Regex PropertyPattern();

    private static List<string> Names(string[] lines, CodeLanguage language)
    {
        foreach (var line in lines.Reverse().Take(40))
        {
            var signature = SignaturePattern().Match(line);
            if (!signature.Success || ControlKeywords.Contains(signature.Groups["name"].Value))
            {
                continue;
            }

            var parameters = signature.Groups["params"].Value
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => ParameterName(p, language))
                .Where(n => n.Length > 0 && n is not ("self" or "this" or "cls"))
                .ToList();
            if (parameters.Count > 0)
            {
                return parameters;
            }
        }

        return IdentifierPattern().Matches(lines[^1])
            .Select(m => m.Value)
            .Where(n => !ControlKeywords.Contains(n))
            .Reverse()
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static string ParameterName(string parameter, CodeLanguage language)
    {
        var withoutDefault = parameter.Split('=')[0].Trim();
        var colon = withoutDefault.IndexOf(':', StringComparison.Ordinal);
        var words = (colon >= 0 ? withoutDefault[..colon] : withoutDefault)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return "";
        }

        var name = colon >= 0 || language == CodeLanguage.Go ? words[0] : words[^1];
        return name.Trim('*', '&', '[', ']', '?', '.').Replace("mut", "", StringComparison.Ordinal).Trim();
    }

    private static int Unbalanced(string line) => line.Count(c => c == '(') - line.Count(c => c == ')');

    private static bool EndsWithWord(string line, string word) =>
        line.EndsWith(word, StringComparison.Ordinal)
        && (line.Length == word.Length || !char.IsLetterOrDigit(line[^(word.Length + 1)]));

    /// <summary>Drops the end of the completion that the text after the cursor already has, e.g. a closing ")".</summary>
    private static string TrimOverlap(string completion, string suffix)
    {
        for (var length = Math.Min(completion.Length, suffix.Length); length > 0; length--)
        {
            if (completion.AsSpan(completion.Length - length).SequenceEqual(suffix.AsSpan(0, length)))
            {
                return completion[..^length];
            }
        }

        return completion;
    }

    private static string Leading(string line) => line[..(line.Length - line.TrimStart(' ', '\t').Length)];

    private static readonly HashSet<string> ControlKeywords = new(StringComparer.Ordinal)
    {
        "if", "for", "foreach", "while", "switch", "catch", "using", "lock", "return", "new", "var", "let", "const", "def", "fn", "func",
    };

    [GeneratedRegex(@"^\s*(async def |def |class |import |from \S+ import |elif |with )", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex PythonPattern();

    [GeneratedRegex(@"[{;]\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex BraceLinePattern();

    [GeneratedRegex(@"(?<name>\w+)\s*\((?<params>[^()]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex SignaturePattern();

    [GeneratedRegex(@"[A-Za-z_]\w*", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();
}

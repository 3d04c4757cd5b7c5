using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Router.Quality;

/// <summary>Parses C# with Roslyn, accepting the fragments answers are made of: a whole file, top-level statements, a
/// method or property alone, or statements alone.</summary>
internal static partial class CSharpSyntaxCheck
{
    // "Method must have a return type": a constructor shown without its class. Roslyn cannot know the class's name.
    private const string ConstructorWithoutItsClass = "CS1520";

    private static readonly CSharpParseOptions Regular = new(LanguageVersion.Preview, DocumentationMode.None, SourceCodeKind.Regular);
    private static readonly CSharpParseOptions Script = Regular.WithKind(SourceCodeKind.Script);

    // Each way a fragment can be whole: as a file, as a script (members and statements at top level, a final
    // expression without its semicolon), as a class's members, as a method's body.
    private static readonly (string Before, string After, CSharpParseOptions Options)[] Readings =
    [
        ("", "", Regular),
        ("", "", Script),
        ("class Fragment__\n{\n", "\n}\n", Regular),
        ("class Fragment__\n{\nasync void Body__()\n{\n", "\n}\n}\n", Regular),
    ];

    /// <summary>The first syntax error of the reading with the fewest, or null when some reading parses cleanly.</summary>
    /// <param name="firstLine">The number of the code's first line, so lines are named as the answer counts them.</param>
    public static SyntaxProblem? Find(string code, int firstLine = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        string source = Elisions().Replace(code, m => new string(' ', m.Length));
        int codeLines = source.Count(c => c == '\n') + 1;
        SyntaxProblem? best = null;
        int fewest = int.MaxValue;
        foreach ((string before, string after, CSharpParseOptions options) in Readings)
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(before + source + after, options, cancellationToken: cancellationToken);
            List<Diagnostic> errors = tree.GetDiagnostics(cancellationToken)
                .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != ConstructorWithoutItsClass)
                .OrderBy(d => d.Location.SourceSpan.Start)
                .ToList();
            if (errors.Count == 0)
            {
                return null;
            }

            if (errors.Count < fewest)
            {
                fewest = errors.Count;
                Diagnostic first = errors[0];
                int offset = before.Count(c => c == '\n');
                int line = Math.Clamp(first.Location.GetLineSpan().StartLinePosition.Line + 1 - offset, 1, codeLines) + firstLine - 1;
                string message = first.GetMessage(CultureInfo.InvariantCulture);
                best = new SyntaxProblem(string.Create(CultureInfo.InvariantCulture, $"{first.Id} {message} at line {line}"), line);
            }
        }

        return best;
    }

    // "..." standing for omitted code ({ ... }, a line of ...) is how answers elide; it is not C#.
    [GeneratedRegex(@"(?<=^|[\s{(\[,;])(?:\.\.\.|…)(?=$|[\s})\],;])", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Elisions();
}

using Router.Core.Requests;

namespace Router.Quality;

/// <summary>Checks the syntax of the code in an answer: C# through Roslyn, other languages by their brackets, quotes and
/// comments. Refactors are checked in any known language; explanations and chat only where the code is C#.</summary>
internal static class CodeSyntaxCheck
{
    /// <summary>Why the answer's code is broken, or null.</summary>
    public static string? Find(AnswerCheck check, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.Kind == RequestKind.Completion)
        {
            // A completion is the middle of a file; it never parses on its own.
            return null;
        }

        bool refactor = check.Kind == RequestKind.Refactor;
        List<CodeBlock> blocks = CodeBlockExtractor.Extract(check.Answer, bareIsCode: refactor);
        if (blocks.Count == 0 || (refactor && IsFragment(check)))
        {
            return null;
        }

        string task = Flatten(check.Task);
        foreach (CodeBlock block in blocks)
        {
            string? language = block.Tag ?? check.Language;
            bool csharp = CodeLanguages.IsCSharp(language);
            // Code quoted from the task is the user's, broken or not.
            if ((!refactor && !csharp) || string.IsNullOrWhiteSpace(block.Code) || task.Contains(Flatten(block.Code), StringComparison.Ordinal))
            {
                continue;
            }

            if (csharp)
            {
                if (CSharpSyntaxCheck.Find(block.Code, block.FirstLine, cancellationToken) is { } error)
                {
                    return $"C# does not parse: {error.Description}";
                }
            }
            else if (LanguageSyntax.For(language) is { } syntax && BracketBalanceCheck.Find(block.Code, syntax, block.FirstLine) is { } problem)
            {
                return $"{syntax.Name} code does not balance: {problem.Description}";
            }
        }

        return null;
    }

    /// <summary>A selection whose own brackets do not pair up is part of something larger; its refactor will not pair
    /// up either, and that is no fault of the answer.</summary>
    private static bool IsFragment(AnswerCheck check)
    {
        LanguageSyntax? syntax = LanguageSyntax.For(CodeLanguages.IsCSharp(check.Language) ? "c" : check.Language);
        if (syntax is null)
        {
            return false;
        }

        foreach (CodeBlock block in CodeBlockExtractor.Extract(check.Task, bareIsCode: true))
        {
            if (BracketBalanceCheck.Find(block.Code, syntax, bracketsOnly: true) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static string Flatten(string text) => string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}

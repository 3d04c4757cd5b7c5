using System.Text.RegularExpressions;
using Router.Core.Tokens;
using Router.Lsp.Documents;

namespace Router.Lsp.Refactor;

/// <summary>Decides whether a refactor instruction spans files and which open documents go with it. It spans files when it
/// names a file ("move this to Utils.cs") or speaks of other places ("update the callers", "rename … everywhere"); the
/// documents sent are those named and those using what the selection declares or the instruction names, most references
/// first, while they fit the token budget. Anything else stays a single-file refactor of the selection, as before.</summary>
internal static partial class RefactorScopeFinder
{
    // Instruction names of identifiers that are English words, not code: never reasons to send a file.
    private static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "this", "that", "these", "those", "with", "from", "into", "onto", "for", "all", "its", "their", "other",
        "rename", "move", "update", "callers", "caller", "usages", "uses", "references", "everywhere", "files", "file", "method",
        "function", "class", "field", "property", "variable", "parameter", "make", "use", "add", "remove", "change", "new", "call",
        "sites", "across", "code", "too", "also", "then", "them", "they", "should", "must", "can", "instead", "accordingly",
    };

    // Words before a name followed by "(" that make it a call or an expression, not a declaration.
    private static readonly HashSet<string> NotDeclaring = new(StringComparer.Ordinal)
    {
        "return", "await", "new", "throw", "yield", "else", "case", "in", "is", "as", "typeof", "nameof", "sizeof", "not", "and",
        "or", "if", "while", "for", "foreach", "switch", "using", "lock", "catch", "when", "from", "select", "where", "do", "print",
    };

    /// <summary>The files to send, or null for a single-file refactor. <paramref name="note"/> says why a refactor that
    /// spans files was kept to the selection (its own file too large for the budget).</summary>
    /// <param name="budgetTokens">Tokens the files sent (the selection's whole file included) may take.</param>
    public static RefactorScope? Find(
        TextDocument current, string selection, string instruction, IReadOnlyList<TextDocument> open, string? workspaceRoot, int budgetTokens,
        TokenCounter tokens, out string? note)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(tokens);
        note = null;
        if (string.IsNullOrWhiteSpace(instruction) || LocalPath(current.Uri) is not { } currentPath)
        {
            return null;
        }

        string root = workspaceRoot is not null && IsUnder(currentPath, workspaceRoot) ? workspaceRoot : Path.GetDirectoryName(currentPath)!;
        List<string> mentioned = [.. FileMentions().Matches(instruction).Select(m => m.Groups["path"].Value.Trim('.', '/', '\\'))
            .Where(path => !string.Equals(Path.GetFileName(path), Path.GetFileName(currentPath), StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)];
        // "Update the callers" reaches every file using what the selection declares; "rename x" only the files using a name
        // the instruction gives, so renaming a local variable stays in its file.
        bool reachesUsers = SpanningWords().IsMatch(instruction);
        bool renames = RenamingWords().IsMatch(instruction);
        if (mentioned.Count == 0 && !reachesUsers && !renames)
        {
            return null;
        }

        Dictionary<string, int> names = reachesUsers || renames ? KeyNames(selection, instruction, declaredToo: reachesUsers) : [];
        RefactorScope empty = new(root, new RefactorFile(Relative(root, currentPath), currentPath, current), [], [], []);
        List<(TextDocument Document, string LocalPath, int Score)> candidates = [];
        foreach (TextDocument other in open)
        {
            if (other.Uri == current.Uri || LocalPath(other.Uri) is not { } path || empty.Resolve(path) is null)
            {
                continue;
            }

            int score = Mentions(mentioned, path) ? 1000 : References(other.Text, names);
            if (score > 0)
            {
                candidates.Add((other, path, score));
            }
        }

        List<string> created = [.. mentioned
            .Where(name => !candidates.Any(c => c.Score >= 1000 && Mentions([name], c.LocalPath)))
            .Select(name => NewFilePath(empty, currentPath, name))
            .OfType<string>()];
        List<string> closed = [.. mentioned
            .Where(name => !candidates.Any(c => c.Score >= 1000 && Mentions([name], c.LocalPath)) && NewFilePath(empty, currentPath, name) is null)];
        if (closed.Count > 0)
        {
            note = $"{string.Join(", ", closed)} is not open in the editor, so it was not sent; open it to refactor it too";
        }

        if (candidates.Count == 0 && created.Count == 0)
        {
            return null;
        }

        int left = budgetTokens - tokens.Count(current.Text);
        if (left < 0)
        {
            note = budgetTokens > 0 ? $"{Path.GetFileName(currentPath)} is too large to send whole with other files, so only the selection was refactored" : null;
            return null;
        }

        List<RefactorFile> others = [];
        List<string> skipped = [];
        foreach ((TextDocument document, string path, _) in candidates.OrderByDescending(c => c.Score))
        {
            int cost = tokens.Count(document.Text);
            if (cost > left)
            {
                skipped.Add(Relative(root, path));
                continue;
            }

            left -= cost;
            others.Add(new RefactorFile(Relative(root, path), path, document));
        }

        return others.Count == 0 && created.Count == 0 ? null : empty with { Others = others, NewFiles = created, Left = skipped };
    }

    /// <summary>The names that tie other files to the selection, each with its weight: a name the instruction gives that
    /// the selection uses counts three, a name the selection declares one (only when <paramref name="declaredToo"/>).</summary>
    private static Dictionary<string, int> KeyNames(string selection, string instruction, bool declaredToo)
    {
        HashSet<string> inSelection = [.. Identifiers().Matches(selection).Select(m => m.Value)];
        Dictionary<string, int> names = new(StringComparer.Ordinal);
        if (declaredToo)
        {
            foreach (Match declaration in Declarations().Matches(selection))
            {
                if (!NotDeclaring.Contains(declaration.Groups["before"].Value))
                {
                    names[declaration.Groups["name"].Value] = 1;
                }
            }
        }

        foreach (string name in Identifiers().Matches(instruction).Select(m => m.Value).Where(n => inSelection.Contains(n) && !CommonWords.Contains(n)))
        {
            names[name] = 3;
        }

        foreach (string shortName in names.Keys.Where(n => n.Length < 3).ToList())
        {
            names.Remove(shortName);
        }

        return names;
    }

    /// <summary>How strongly a document refers to the selection: the weights of the key names it uses.</summary>
    private static int References(string text, Dictionary<string, int> names)
    {
        int score = 0;
        foreach ((string name, int weight) in names)
        {
            if (Regex.IsMatch(text, $@"(?<![\w$]){Regex.Escape(name)}(?![\w$])", RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                score += weight;
            }
        }

        return score;
    }

    private static bool Mentions(List<string> mentioned, string localPath)
    {
        string normalized = localPath.Replace('\\', '/');
        return mentioned.Any(name => normalized.EndsWith("/" + name.Replace('\\', '/'), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Where a named file that is not open would be created: a path with folders is relative to the workspace, a bare
    /// name goes next to the selection's file. Null when it exists already (it must be opened to be sent) or leads outside.</summary>
    private static string? NewFilePath(RefactorScope scope, string currentPath, string name)
    {
        string relative = name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal)
            ? name
            : Path.Combine(Path.GetDirectoryName(currentPath)!, name);
        return scope.Resolve(relative) is { } full && !File.Exists(full) ? scope.Relative(full) : null;
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static bool IsUnder(string path, string root)
    {
        string full = Path.GetFullPath(root);
        return Path.GetFullPath(path).StartsWith(Path.EndsInDirectorySeparator(full) ? full : full + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static string? LocalPath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed) && parsed.IsFile ? parsed.LocalPath : null;

    [GeneratedRegex(@"(?<![\w./\\-])(?<path>[\w\-./\\]*\w\.(?:cs|csx|razor|cshtml|ts|tsx|js|jsx|mjs|cjs|py|go|rs|java|kt|swift|c|h|cpp|hpp|cc|rb|php|fs|vb|json|ya?ml|xml|md|sql|sh|ps1|css|scss|html|vue|svelte|lua|dart|scala|toml|csproj|props))(?![\w/\\-])", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FileMentions();

    [GeneratedRegex(@"\b(?:callers?|call[- ]sites?|usages?|uses\b|references?|everywhere|across|all\s+(?:the\s+)?(?:files|uses|usages|callers|references)|other\s+files|update\s+(?:the\s+|its\s+|all\s+)?(?:callers|calls|uses|usages|references|tests|call\s+sites))", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SpanningWords();

    [GeneratedRegex(@"\b(?:rename|move)\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RenamingWords();

    [GeneratedRegex(@"(?<![\w$])[A-Za-z_$][\w$]*", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Identifiers();

    [GeneratedRegex(@"(?:\b(?:class|struct|record|interface|enum|def|function|fn|func|type|module)\s+(?<name>[A-Za-z_]\w*))|(?:\b(?<before>\w+)[\]>?]?\s+(?<name>[A-Za-z_]\w*)\s*(?:<[^>\n]*>)?\s*\()", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Declarations();
}

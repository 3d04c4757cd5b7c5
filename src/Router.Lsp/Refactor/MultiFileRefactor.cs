using System.Globalization;
using System.Text;
using Router.Backends.Providers;
using Router.Core.Requests;
using Router.Lsp.Contracts;
using Router.Lsp.Documents;
using Router.Protocol.Lsp;
using Router.Quality;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Lsp.Refactor;

/// <summary>A refactor across the files of a <see cref="RefactorScope"/>: the prompt that sends them whole and defines the
/// answer's format (a <c>FILE: path</c> line, then one fenced block with the file's complete new content, per file changed
/// or created), the judge of such an answer (each file's code checked, C# with Roslyn; a weak answer escalates one tier),
/// and the one <see cref="WorkspaceEdit"/> built from it, with document versions so an edit of a changed file is rejected.</summary>
internal sealed class MultiFileRefactor(RefactorScope scope, PositionEncoding encoding)
{
    public const string SystemInstruction =
        "You refactor code across several files as asked. Answer with one section for each file you change or create, and nothing "
        + "for a file you leave as it is. A section is a line \"FILE: <path>\" — the path exactly as given, or for a new file a new "
        + "path relative to the workspace — followed by one fenced code block holding the complete new content of that file: the "
        + "whole file, never a part of it, never \"...\" for code that stays. After the sections, write one line on what changed.";

    /// <summary>The user message: the instruction, the selection it is about, and every file sent, whole, under its path.</summary>
    public string Prompt(string instruction, string selection, Range range)
    {
        ArgumentNullException.ThrowIfNull(range);
        StringBuilder text = new();
        text.Append(instruction.Trim()).Append("\n\n");
        text.Append(CultureInfo.InvariantCulture, $"The instruction is about this selection of {scope.Current.Path} (lines {range.Start.Line + 1}-{range.End.Line + 1}):\n");
        AppendFence(text, Language(scope.Current.Path, scope.Current.Document.LanguageId), selection);
        text.Append("\nThe files of the workspace it concerns, whole:\n");
        foreach (RefactorFile file in scope.Sent)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nFILE: {file.Path}\n");
            AppendFence(text, Language(file.Path, file.Document.LanguageId), file.Document.Text);
        }

        if (scope.NewFiles.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nNew files the instruction names (not there yet): {string.Join(", ", scope.NewFiles)}\n");
        }

        return text.ToString();
    }

    public static ModelRequest BuildModelRequest(string model, string prompt) => new(model)
    {
        Messages = [new ChatTurn("system", SystemInstruction), new ChatTurn("user", prompt)],
    };

    /// <summary>Judges a multi-file answer: empty or cut off, no file sections, a block cut off, or any file's code weak
    /// (C# that Roslyn cannot parse, brackets that do not balance, a file far shorter than it was).</summary>
    public AnswerVerdict Judge(AnswerCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (string.IsNullOrWhiteSpace(check.Answer))
        {
            return AnswerVerdict.Weak("empty answer");
        }

        if (check.DoneReason?.Trim().ToUpperInvariant() is "LENGTH" or "MAX_TOKENS" or "MAX_OUTPUT_TOKENS" or "MODEL_LENGTH")
        {
            return AnswerVerdict.Weak("cut off by the token limit");
        }

        List<FileSection> sections = FileSectionParser.Parse(check.Answer);
        if (sections.Count == 0)
        {
            return AnswerVerdict.Weak("the answer names no file (a \"FILE: path\" line before each fenced block)");
        }

        foreach (FileSection section in sections)
        {
            if (!section.Closed)
            {
                return AnswerVerdict.Weak($"the answer ends inside the block of {section.Path}");
            }

            string original = Find(section.Path) is { } file ? file.Document.Text : "";
            string language = Language(section.Path, section.Tag ?? "");
            AnswerVerdict verdict = AnswerQuality.Judge(new AnswerCheck(RequestKind.Refactor, language, original, $"```{language}\n{section.Content}\n```", null));
            if (verdict.IsWeak)
            {
                return AnswerVerdict.Weak($"{section.Path}: {verdict.Reason}");
            }
        }

        return AnswerVerdict.Sound;
    }

    /// <summary>The edit an answer makes, or why none is offered: every path must be a file sent, or a new file inside the
    /// workspace that does not exist and is not open; one path that is not refuses the whole edit, since the files change together.</summary>
    /// <param name="isOpen">Whether a document URI is open in the editor (open but not sent: the model never saw it).</param>
    public RouterRefactorResult BuildEdit(string answer, Func<string, bool> isOpen, string served)
    {
        ArgumentNullException.ThrowIfNull(isOpen);
        List<DocumentChange> changes = [];
        List<string> touched = [];
        // A file given twice ("src/A.cs", then "./src/A.cs") gets its last version: two edits of one document would clash.
        Dictionary<string, FileSection> latest = new(StringComparer.Ordinal);
        foreach (FileSection section in FileSectionParser.Parse(answer))
        {
            latest[Find(section.Path)?.Path ?? Normalize(section.Path)] = section;
        }

        foreach (FileSection section in latest.Values)
        {
            if (Find(section.Path) is { } file)
            {
                if (Edit(file, section.Content) is { } edit)
                {
                    changes.Add(new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier(file.Document.Uri, file.Document.Version), [edit]));
                    touched.Add(file.Path);
                }

                continue;
            }

            string? full = scope.Resolve(Normalize(section.Path));
            if (full is null)
            {
                return new RouterRefactorResult(null, $"No edit offered: the answer edits {section.Path}, which is outside the workspace ({served}).");
            }

            string uri = new Uri(full).AbsoluteUri;
            if (isOpen(uri) || File.Exists(full) || Directory.Exists(full))
            {
                return new RouterRefactorResult(
                    null, $"No edit offered: the answer rewrites {scope.Relative(full)}, which was not sent to the model; open it in the editor so it is sent with the refactor ({served}).");
            }

            changes.Add(new CreateFile(uri, new CreateFileOptions(Overwrite: false, IgnoreIfExists: false)));
            changes.Add(new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier(uri, null), [new TextEdit(new Range(new Position(0, 0), new Position(0, 0)), WithFinalNewline(section.Content))]));
            touched.Add(scope.Relative(full) + " (new)");
        }

        if (changes.Count == 0)
        {
            return new RouterRefactorResult(null, $"Nothing to change ({served}).");
        }

        string left = scope.Left.Count == 0 ? "" : $" Not sent, over the token budget: {string.Join(", ", scope.Left)}.";
        return new RouterRefactorResult(new WorkspaceEdit { DocumentChanges = changes }, $"Refactored {touched.Count} files by {served}: {string.Join(", ", touched)}.{left}");
    }

    /// <summary>The sent file a path names: exactly, then ignoring case, then by file name alone when that is unique.</summary>
    private RefactorFile? Find(string path)
    {
        string wanted = Normalize(path);
        if (Path.IsPathRooted(wanted) && scope.Resolve(wanted) is { } full)
        {
            wanted = scope.Relative(full);
        }

        List<RefactorFile> sent = [.. scope.Sent];
        RefactorFile? found = sent.FirstOrDefault(f => string.Equals(f.Path, wanted, StringComparison.Ordinal))
            ?? sent.FirstOrDefault(f => string.Equals(f.Path, wanted, StringComparison.OrdinalIgnoreCase));
        if (found is null && !wanted.Contains('/', StringComparison.Ordinal))
        {
            List<RefactorFile> named = [.. sent.Where(f => string.Equals(Path.GetFileName(f.Path), wanted, StringComparison.OrdinalIgnoreCase))];
            found = named.Count == 1 ? named[0] : null;
        }

        return found;
    }

    /// <summary>One edit replacing the changed lines only, so the review shows what changed; null when nothing did.</summary>
    private TextEdit? Edit(RefactorFile file, string content)
    {
        TextDocument document = file.Document;
        string old = document.Text;
        string updated = WithFinalNewline(content);
        if (old.Contains("\r\n", StringComparison.Ordinal))
        {
            updated = updated.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
        }

        if (!old.EndsWith('\n'))
        {
            updated = updated.TrimEnd('\r', '\n');
        }

        if (string.Equals(old, updated, StringComparison.Ordinal))
        {
            return null;
        }

        int limit = Math.Min(old.Length, updated.Length);
        int prefix = 0;
        while (prefix < limit && old[prefix] == updated[prefix])
        {
            prefix++;
        }

        // Whole lines: back to the start of the line where they differ.
        while (prefix > 0 && old[prefix - 1] != '\n')
        {
            prefix--;
        }

        int suffix = 0;
        while (suffix < limit - prefix && old[old.Length - 1 - suffix] == updated[updated.Length - 1 - suffix])
        {
            suffix++;
        }

        while (suffix > 0 && old[old.Length - suffix - 1] != '\n')
        {
            suffix--;
        }

        Range range = new(document.PositionAt(prefix, encoding), document.PositionAt(old.Length - suffix, encoding));
        return new TextEdit(range, updated[prefix..(updated.Length - suffix)]);
    }

    private static string WithFinalNewline(string content) => content.EndsWith('\n') ? content : content + "\n";

    private static string Normalize(string path)
    {
        string text = path.Trim().Replace('\\', '/');
        while (text.StartsWith("./", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        return text;
    }

    /// <summary>The language of a file for the fence and the judge: C# by its extension whatever the tag says, else the tag
    /// or the editor's language id, else the extension.</summary>
    private static string Language(string path, string fallback)
    {
        string extension = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        return extension is "cs" or "csx" ? "csharp" : fallback.Length > 0 ? fallback : extension;
    }

    private static void AppendFence(StringBuilder text, string language, string code)
    {
        // A fence longer than any backtick run inside, so code holding ``` cannot end it early.
        int longest = 2;
        int run = 0;
        foreach (char c in code)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        string fence = new('`', longest + 1);
        text.Append(fence).Append(language).Append('\n').Append(code);
        if (!code.EndsWith('\n'))
        {
            text.Append('\n');
        }

        text.Append(fence).Append('\n');
    }
}

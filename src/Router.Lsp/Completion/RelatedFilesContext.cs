using Router.Backends.Providers;

namespace Router.Lsp.Completion;

/// <summary>Comment lines quoting other open files, put before the prefix, with their token count, the files quoted, and
/// each file's quoted text as it is (for a server that takes other files apart from the prefix).</summary>
internal sealed record RelatedFilesContext(string Text, int Tokens, IReadOnlyList<string> DocumentUris, IReadOnlyList<ContextFile> Files)
{
    public static RelatedFilesContext None { get; } = new(string.Empty, 0, [], []);
}

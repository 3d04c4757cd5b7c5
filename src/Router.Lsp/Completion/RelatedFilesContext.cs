namespace Router.Lsp.Completion;

/// <summary>Comment lines quoting other open files, put before the prefix, with their token count and the files quoted.</summary>
internal sealed record RelatedFilesContext(string Text, int Tokens, IReadOnlyList<string> DocumentUris)
{
    public static RelatedFilesContext None { get; } = new(string.Empty, 0, []);
}

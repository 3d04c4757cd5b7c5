namespace Router.Protocol.Lsp;

/// <summary>Edits for the editor to apply (and the user to review): <see cref="Changes"/> keyed by document URI, or
/// <see cref="DocumentChanges"/>, versioned document edits and file creations applied in order.</summary>
public sealed record WorkspaceEdit(IReadOnlyDictionary<string, IReadOnlyList<TextEdit>>? Changes = null)
{
    /// <summary>Edits checked against the document version they were made for, so a stale one is rejected, and new files.</summary>
    public IReadOnlyList<DocumentChange>? DocumentChanges { get; init; }
}

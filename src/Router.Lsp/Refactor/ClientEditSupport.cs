using Router.Protocol.Lsp;

namespace Router.Lsp.Refactor;

/// <summary>What the connected editor can do with a refactor's edit, read from its capabilities at <c>initialize</c>.</summary>
/// <remarks>What a client does not describe at all is taken as supported, as VS Code, Neovim and Helix do; what it
/// describes without the feature (eglot 1.9 lists its code action support but no lazy edits) is not.</remarks>
internal sealed class ClientEditSupport
{
    /// <summary>The client fills in a code action's edit through <c>codeAction/resolve</c>.</summary>
    public bool ResolvesEdits { get; private set; } = true;

    /// <summary>The client applies an edit the server sends with <c>workspace/applyEdit</c>.</summary>
    public bool AppliesEdits { get; private set; } = true;

    /// <summary>The client takes versioned <c>documentChanges</c>, not only the plain <c>changes</c> map.</summary>
    public bool TakesDocumentChanges { get; private set; } = true;

    /// <summary>The client creates files named in <c>documentChanges</c>.</summary>
    public bool CreatesFiles { get; private set; } = true;

    public void Read(ClientCapabilities? capabilities)
    {
        if (capabilities?.TextDocument?.CodeAction is { } codeAction)
        {
            ResolvesEdits = codeAction.ResolveSupport?.Properties?.Contains("edit") == true;
        }

        if (capabilities?.Workspace is { } workspace)
        {
            AppliesEdits = workspace.ApplyEdit == true;
            if (workspace.WorkspaceEdit is { } edits)
            {
                TakesDocumentChanges = edits.DocumentChanges == true;
                CreatesFiles = TakesDocumentChanges && edits.ResourceOperations?.Contains("create") == true;
            }
        }
    }

    /// <summary>The edit in a shape this client takes, or why it cannot take it.</summary>
    public (WorkspaceEdit? Edit, string? Refusal) Adapt(WorkspaceEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (edit.DocumentChanges is not { } changes)
        {
            return (edit, null);
        }

        if (!CreatesFiles && changes.Any(change => change is CreateFile))
        {
            return (null, "this editor cannot create files through LSP (its workspaceEdit capabilities lack \"create\"): create the new file, open it, and ask again");
        }

        if (TakesDocumentChanges)
        {
            return (edit, null);
        }

        // The plain map has no versions: an edit to a document changed meanwhile is no longer rejected, so the
        // editor's undo is the only way back. Still better than no edit for a client that takes nothing else.
        Dictionary<string, List<TextEdit>> byDocument = new(StringComparer.Ordinal);
        foreach (TextDocumentEdit documentEdit in changes.OfType<TextDocumentEdit>())
        {
            if (!byDocument.TryGetValue(documentEdit.TextDocument.Uri, out List<TextEdit>? list))
            {
                byDocument[documentEdit.TextDocument.Uri] = list = [];
            }

            list.AddRange(documentEdit.Edits);
        }

        return (new WorkspaceEdit(byDocument.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<TextEdit>)pair.Value, StringComparer.Ordinal)), null);
    }
}

namespace Router.Protocol.Lsp;

/// <summary>Workspace client capabilities (only what this server reads).</summary>
/// <param name="ApplyEdit">The client applies edits the server sends with <c>workspace/applyEdit</c>.</param>
public sealed record WorkspaceClientCapabilities(
    bool? Configuration = null,
    bool? ApplyEdit = null,
    WorkspaceEditClientCapabilities? WorkspaceEdit = null);

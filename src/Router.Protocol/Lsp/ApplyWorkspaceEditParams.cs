namespace Router.Protocol.Lsp;

/// <summary>Parameters of <c>workspace/applyEdit</c>, server to client.</summary>
public sealed record ApplyWorkspaceEditParams(WorkspaceEdit Edit, string? Label = null);

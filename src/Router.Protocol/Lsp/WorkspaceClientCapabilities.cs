namespace Router.Protocol.Lsp;

/// <summary>Workspace client capabilities (only what this server reads).</summary>
public sealed record WorkspaceClientCapabilities(bool? Configuration = null);

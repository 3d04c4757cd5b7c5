namespace Router.Protocol.Lsp;

/// <summary>Client capabilities (only what this server reads; everything else is ignored).</summary>
public sealed record ClientCapabilities(
    GeneralClientCapabilities? General = null,
    WindowClientCapabilities? Window = null,
    WorkspaceClientCapabilities? Workspace = null,
    TextDocumentClientCapabilities? TextDocument = null);

namespace Router.Protocol.Lsp;

/// <summary>Text document client capabilities (only what this server reads).</summary>
public sealed record TextDocumentClientCapabilities(CodeActionClientCapabilities? CodeAction = null);

namespace Router.Protocol.Lsp;

/// <summary>The server's document synchronisation options.</summary>
public sealed record TextDocumentSyncOptions(bool OpenClose, TextDocumentSyncKind Change);

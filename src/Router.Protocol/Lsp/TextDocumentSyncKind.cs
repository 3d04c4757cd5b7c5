namespace Router.Protocol.Lsp;

/// <summary>How the client sends document changes.</summary>
public enum TextDocumentSyncKind
{
    None = 0,
    Full = 1,
    Incremental = 2,
}

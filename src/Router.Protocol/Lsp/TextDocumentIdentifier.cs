namespace Router.Protocol.Lsp;

/// <summary>Names a text document by its URI.</summary>
public sealed record TextDocumentIdentifier(string Uri);

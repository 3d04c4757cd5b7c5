namespace Router.Protocol.Lsp;

/// <summary>A text document as the client opened it.</summary>
public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

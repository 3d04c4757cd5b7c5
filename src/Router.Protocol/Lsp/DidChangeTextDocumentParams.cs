namespace Router.Protocol.Lsp;

/// <summary>Parameters of <c>textDocument/didChange</c>; changes apply in order, each to the result of the previous.</summary>
public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges);

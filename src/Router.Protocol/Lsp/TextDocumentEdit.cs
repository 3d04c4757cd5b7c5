namespace Router.Protocol.Lsp;

/// <summary>Edits of one document, valid only for the version named (null: a document created by the same edit).</summary>
public sealed record TextDocumentEdit(OptionalVersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextEdit> Edits) : DocumentChange;

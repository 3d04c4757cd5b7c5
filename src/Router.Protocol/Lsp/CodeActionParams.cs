namespace Router.Protocol.Lsp;

/// <summary>Parameters of <c>textDocument/codeAction</c>: the document, the selected range and its context.</summary>
public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);

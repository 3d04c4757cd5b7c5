namespace Router.Protocol.Lsp;

/// <summary>Parameters of <c>textDocument/inlineCompletion</c> (LSP 3.18).</summary>
public sealed record InlineCompletionParams(TextDocumentIdentifier TextDocument, Position Position, InlineCompletionContext? Context = null);

namespace Router.Protocol.Lsp;

/// <summary>The result of <c>textDocument/inlineCompletion</c>.</summary>
public sealed record InlineCompletionList(IReadOnlyList<InlineCompletionItem> Items);

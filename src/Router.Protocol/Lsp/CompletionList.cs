namespace Router.Protocol.Lsp;

/// <summary>The result of <c>textDocument/completion</c>.</summary>
public sealed record CompletionList(bool IsIncomplete, IReadOnlyList<CompletionItem> Items);

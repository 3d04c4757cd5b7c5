namespace Router.Protocol.Lsp;

/// <summary>One inline completion: the text to insert and, optionally, the range it replaces.</summary>
public sealed record InlineCompletionItem(string InsertText, Range? Range = null, string? FilterText = null);

namespace Router.Protocol.Lsp;

/// <summary>One inline completion: the text to insert and, optionally, the range it replaces.</summary>
/// <param name="Command">Run by the editor after the item is accepted (LSP 3.18); how a server learns of an accept.</param>
public sealed record InlineCompletionItem(string InsertText, Range? Range = null, string? FilterText = null, Command? Command = null);

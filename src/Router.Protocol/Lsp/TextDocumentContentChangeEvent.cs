namespace Router.Protocol.Lsp;

/// <summary>One change: a range and its new text, or (without a range) the whole new text.</summary>
public sealed record TextDocumentContentChangeEvent(string Text, Range? Range = null, int? RangeLength = null);

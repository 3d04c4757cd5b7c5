namespace Router.Protocol.Lsp;

/// <summary>One completion item.</summary>
public sealed record CompletionItem(string Label)
{
    public CompletionItemKind? Kind { get; init; }

    public string? Detail { get; init; }

    public string? InsertText { get; init; }

    public InsertTextFormat? InsertTextFormat { get; init; }

    public TextEdit? TextEdit { get; init; }

    public string? FilterText { get; init; }
}

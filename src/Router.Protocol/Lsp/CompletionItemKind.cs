namespace Router.Protocol.Lsp;

/// <summary>The kind of a completion item (the subset this server uses).</summary>
public enum CompletionItemKind
{
    Text = 1,
    Snippet = 15,
}

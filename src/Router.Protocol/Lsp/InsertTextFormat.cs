namespace Router.Protocol.Lsp;

/// <summary>Whether insert text is plain or a snippet.</summary>
public enum InsertTextFormat
{
    PlainText = 1,
    Snippet = 2,
}

namespace Router.Lsp.Documents;

/// <summary>The unit a position's character offset counts, as negotiated at initialize.</summary>
internal enum PositionEncoding
{
    Utf16,
    Utf8,
}

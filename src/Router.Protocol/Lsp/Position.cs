namespace Router.Protocol.Lsp;

/// <summary>A zero-based line and character offset; the character unit is the negotiated position encoding.</summary>
public sealed record Position(int Line, int Character);

namespace Router.Protocol.Lsp;

/// <summary>A range in a text document; the end is exclusive.</summary>
public sealed record Range(Position Start, Position End);

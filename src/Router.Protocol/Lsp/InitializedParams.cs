namespace Router.Protocol.Lsp;

/// <summary>Parameters of <c>initialized</c> (empty by the spec).</summary>
public sealed record InitializedParams;

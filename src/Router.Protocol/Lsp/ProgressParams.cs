namespace Router.Protocol.Lsp;

/// <summary>Parameters of <c>$/progress</c>: a token and one progress value.</summary>
public sealed record ProgressParams<TValue>(ProgressToken Token, TValue Value);

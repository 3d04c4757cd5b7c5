namespace Router.Protocol.Lsp;

/// <summary>The code action properties a client resolves lazily (<c>"edit"</c> for a refactor's edit).</summary>
public sealed record CodeActionResolveSupport(IReadOnlyList<string>? Properties = null);

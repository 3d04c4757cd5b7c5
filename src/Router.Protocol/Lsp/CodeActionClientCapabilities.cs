namespace Router.Protocol.Lsp;

/// <summary>What a client can do with code actions (only what this server reads).</summary>
/// <param name="ResolveSupport">The properties the client fills in lazily through <c>codeAction/resolve</c>.</param>
public sealed record CodeActionClientCapabilities(CodeActionResolveSupport? ResolveSupport = null);

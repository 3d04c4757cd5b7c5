namespace Router.Protocol.Lsp;

/// <summary>One configuration section the server asks the client for.</summary>
public sealed record ConfigurationItem(string? Section = null, string? ScopeUri = null);

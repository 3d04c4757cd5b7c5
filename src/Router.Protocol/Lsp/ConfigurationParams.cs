namespace Router.Protocol.Lsp;

/// <summary>Parameters of <c>workspace/configuration</c>.</summary>
public sealed record ConfigurationParams(IReadOnlyList<ConfigurationItem> Items);

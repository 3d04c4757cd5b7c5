namespace Router.Protocol.Lsp;

/// <summary>The client's or server's name and version.</summary>
public sealed record ClientInfo(string Name, string? Version = null);

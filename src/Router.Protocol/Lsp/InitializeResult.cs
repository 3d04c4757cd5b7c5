namespace Router.Protocol.Lsp;

/// <summary>The result of <c>initialize</c>.</summary>
public sealed record InitializeResult(ServerCapabilities Capabilities, ClientInfo? ServerInfo = null);

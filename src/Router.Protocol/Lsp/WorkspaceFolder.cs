namespace Router.Protocol.Lsp;

/// <summary>A workspace folder.</summary>
public sealed record WorkspaceFolder(string Uri, string Name);

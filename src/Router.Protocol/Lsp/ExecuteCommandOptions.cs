namespace Router.Protocol.Lsp;

/// <summary>The commands the server executes.</summary>
public sealed record ExecuteCommandOptions(IReadOnlyList<string> Commands);

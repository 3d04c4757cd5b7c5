namespace Router.Protocol.Lsp;

/// <summary>The server's completion options.</summary>
public sealed record CompletionOptions(IReadOnlyList<string>? TriggerCharacters = null, bool? ResolveProvider = null);

namespace Router.Protocol.Lsp;

/// <summary>The context of a completion request.</summary>
public sealed record CompletionContext(CompletionTriggerKind TriggerKind, string? TriggerCharacter = null);

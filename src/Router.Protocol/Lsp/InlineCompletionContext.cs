namespace Router.Protocol.Lsp;

/// <summary>The context of an inline completion request.</summary>
public sealed record InlineCompletionContext(InlineCompletionTriggerKind TriggerKind, SelectedCompletionInfo? SelectedCompletionInfo = null);

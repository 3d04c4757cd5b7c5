namespace Router.Protocol.Lsp;

/// <summary>Why inline completion was asked for (LSP 3.18).</summary>
public enum InlineCompletionTriggerKind
{
    Invoked = 1,
    Automatic = 2,
}

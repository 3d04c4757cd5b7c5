namespace Router.Protocol.Lsp;

/// <summary>How a completion was triggered.</summary>
public enum CompletionTriggerKind
{
    Invoked = 1,
    TriggerCharacter = 2,
    TriggerForIncompleteCompletions = 3,
}

namespace Router.Core.Requests;

/// <summary>What the editor asked for; the first thing the policy looks at after privacy.</summary>
public enum RequestKind
{
    Completion,
    Explain,
    Refactor,
    Chat,
}

namespace Router.Protocol.Lsp;

/// <summary>Where a language server is in the LSP lifecycle.</summary>
public enum LspLifecycleState
{
    NotInitialized,
    Initialized,
    ShutDown,
    Exited,
}

namespace Router.Protocol.Lsp;

/// <summary>LSP method names used on the wire.</summary>
public static class LspMethods
{
    public const string Initialize = "initialize";
    public const string Initialized = "initialized";
    public const string Shutdown = "shutdown";
    public const string Exit = "exit";
    public const string CancelRequest = "$/cancelRequest";
    public const string Progress = "$/progress";
    public const string DidOpen = "textDocument/didOpen";
    public const string DidChange = "textDocument/didChange";
    public const string DidClose = "textDocument/didClose";
    public const string InlineCompletion = "textDocument/inlineCompletion";
    public const string Completion = "textDocument/completion";
    public const string LogMessage = "window/logMessage";
    public const string ShowMessage = "window/showMessage";
    public const string WorkDoneProgressCreate = "window/workDoneProgress/create";
    public const string WorkDoneProgressCancel = "window/workDoneProgress/cancel";
    public const string Configuration = "workspace/configuration";
    public const string DidChangeConfiguration = "workspace/didChangeConfiguration";
    public const string CodeAction = "textDocument/codeAction";
    public const string CodeActionResolve = "codeAction/resolve";
    public const string ExecuteCommand = "workspace/executeCommand";
    public const string ApplyEdit = "workspace/applyEdit";
}

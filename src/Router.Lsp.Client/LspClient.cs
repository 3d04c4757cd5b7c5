using System.IO.Pipelines;
using System.Text.Json;
using Router.Lsp.Contracts;
using Router.Protocol;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;

namespace Router.Lsp.Client;

/// <summary>A typed LSP client over a <see cref="JsonRpcConnection"/>, for tests and the demo.
/// Register extra handlers on <see cref="Connection"/> (or with <see cref="OnLogMessage"/>) before <see cref="Start"/>.</summary>
public sealed class LspClient : IAsyncDisposable
{
    private static LspJsonContext Json => LspJsonContext.Default;

    private static RouterJsonContext RouterJson => RouterJsonContext.Default;

    private Task? _running;

    /// <summary>Creates a client reading the server's output from <paramref name="fromServer"/> and writing to
    /// <paramref name="toServer"/> (a child process's stdout and stdin).</summary>
    public LspClient(Stream fromServer, Stream toServer)
    {
        Connection = new JsonRpcConnection(fromServer, toServer);
    }

    /// <summary>Creates a client over pipes (in-memory tests).</summary>
    public LspClient(PipeReader fromServer, PipeWriter toServer)
    {
        Connection = new JsonRpcConnection(fromServer, toServer);
    }

    public JsonRpcConnection Connection { get; }

    /// <summary>Completes when the connection ends (the server closed its output, or the client was disposed).</summary>
    public Task Completion => _running ?? Task.CompletedTask;

    /// <summary>Receives <c>window/logMessage</c> notifications; call before <see cref="Start"/>.</summary>
    public void OnLogMessage(Action<LogMessageParams> onMessage)
    {
        ArgumentNullException.ThrowIfNull(onMessage);
        Connection.AddNotificationHandler(
            LspMethods.LogMessage,
            Json.LogMessageParams,
            (message, _) =>
            {
                onMessage(message);
                return ValueTask.CompletedTask;
            },
            HandlerMode.ReadOnly);
    }

    /// <summary>Receives <c>window/showMessage</c> notifications; call before <see cref="Start"/>.</summary>
    public void OnShowMessage(Action<ShowMessageParams> onMessage)
    {
        ArgumentNullException.ThrowIfNull(onMessage);
        Connection.AddNotificationHandler(
            LspMethods.ShowMessage,
            Json.ShowMessageParams,
            (message, _) =>
            {
                onMessage(message);
                return ValueTask.CompletedTask;
            },
            HandlerMode.ReadOnly);
    }

    /// <summary>Receives Router's <c>router/answer</c> and <c>router/status</c> notifications; call before <see cref="Start"/>.</summary>
    public void OnRouterNotifications(Action<RouterAnswerParams> onAnswer, Action<RouterStatusParams> onStatus)
    {
        ArgumentNullException.ThrowIfNull(onAnswer);
        ArgumentNullException.ThrowIfNull(onStatus);
        Connection.AddNotificationHandler(
            RouterMethods.Answer,
            RouterJson.RouterAnswerParams,
            (answer, _) =>
            {
                onAnswer(answer);
                return ValueTask.CompletedTask;
            },
            HandlerMode.Mutating);
        Connection.AddNotificationHandler(
            RouterMethods.Status,
            RouterJson.RouterStatusParams,
            (status, _) =>
            {
                onStatus(status);
                return ValueTask.CompletedTask;
            },
            HandlerMode.Mutating);
    }

    /// <summary>Sends <c>workspace/executeCommand</c>.</summary>
    public async Task<JsonElement> ExecuteCommandAsync(ExecuteCommandParams request, CancellationToken cancellationToken) =>
        await Connection.SendRequestAsync(LspMethods.ExecuteCommand, request, Json.ExecuteCommandParams, Json.JsonElement, cancellationToken);

    /// <summary>Sends <c>textDocument/codeAction</c>.</summary>
    public async Task<IReadOnlyList<CodeAction>> CodeActionAsync(CodeActionParams request, CancellationToken cancellationToken) =>
        await Connection.SendRequestAsync(LspMethods.CodeAction, request, Json.CodeActionParams, Json.IReadOnlyListCodeAction, cancellationToken) ?? [];

    /// <summary>Sends <c>codeAction/resolve</c>.</summary>
    public async Task<CodeAction?> ResolveCodeActionAsync(CodeAction action, CancellationToken cancellationToken) =>
        await Connection.SendRequestAsync(LspMethods.CodeActionResolve, action, Json.CodeAction, Json.CodeAction, cancellationToken);

    /// <summary>Receives Router's <c>router/completionTrace</c> notifications (ask for them with
    /// <c>initializationOptions: {"completionTraces": true}</c>); call before <see cref="Start"/>.</summary>
    public void OnCompletionTrace(Action<CompletionTraceParams> onTrace)
    {
        ArgumentNullException.ThrowIfNull(onTrace);
        Connection.AddNotificationHandler(
            RouterMethods.CompletionTrace,
            RouterJson.CompletionTraceParams,
            (trace, _) =>
            {
                onTrace(trace);
                return ValueTask.CompletedTask;
            },
            HandlerMode.ReadOnly);
    }

    /// <summary>Starts reading the server's messages in the background.</summary>
    public void Start(CancellationToken cancellationToken)
    {
        if (_running is not null)
        {
            throw new InvalidOperationException("The client is already started.");
        }

        _running = Connection.RunAsync(cancellationToken);
    }

    public async Task<InitializeResult> InitializeAsync(InitializeParams request, CancellationToken cancellationToken) =>
        await Connection.SendRequestAsync(LspMethods.Initialize, request, Json.InitializeParams, Json.InitializeResult, cancellationToken)
        ?? throw new JsonRpcException(JsonRpcErrorCodes.InternalError, "initialize returned null.");

    public Task InitializedAsync(CancellationToken cancellationToken) =>
        Connection.SendNotificationAsync(LspMethods.Initialized, new InitializedParams(), Json.InitializedParams, cancellationToken);

    public Task DidOpenAsync(TextDocumentItem document, CancellationToken cancellationToken) =>
        Connection.SendNotificationAsync(LspMethods.DidOpen, new DidOpenTextDocumentParams(document), Json.DidOpenTextDocumentParams, cancellationToken);

    public Task DidChangeAsync(VersionedTextDocumentIdentifier document, IReadOnlyList<TextDocumentContentChangeEvent> changes, CancellationToken cancellationToken) =>
        Connection.SendNotificationAsync(LspMethods.DidChange, new DidChangeTextDocumentParams(document, changes), Json.DidChangeTextDocumentParams, cancellationToken);

    public Task DidCloseAsync(string uri, CancellationToken cancellationToken) =>
        Connection.SendNotificationAsync(LspMethods.DidClose, new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)), Json.DidCloseTextDocumentParams, cancellationToken);

    /// <summary>Asks for inline completions; cancelling the token sends <c>$/cancelRequest</c>.</summary>
    public async Task<InlineCompletionList> InlineCompletionAsync(InlineCompletionParams request, CancellationToken cancellationToken) =>
        await Connection.SendRequestAsync(LspMethods.InlineCompletion, request, Json.InlineCompletionParams, Json.InlineCompletionList, cancellationToken)
        ?? new InlineCompletionList([]);

    public async Task<CompletionList> CompletionAsync(CompletionParams request, CancellationToken cancellationToken) =>
        await Connection.SendRequestAsync(LspMethods.Completion, request, Json.CompletionParams, Json.CompletionList, cancellationToken)
        ?? new CompletionList(false, []);

    public async Task ShutdownAsync(CancellationToken cancellationToken) =>
        _ = await Connection.SendRequestAsync<JsonElement>(LspMethods.Shutdown, Json.JsonElement, cancellationToken);

    public Task ExitAsync(CancellationToken cancellationToken) => Connection.SendNotificationAsync(LspMethods.Exit, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Connection.Stop();
        if (_running is not null)
        {
            await _running;
        }

        await Connection.DisposeAsync();
    }
}

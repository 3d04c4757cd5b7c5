using Microsoft.Extensions.Logging;
using Router.Backends.Endpoints;
using Router.Backends.FillInTheMiddle;
using Router.Core.Configuration;
using Router.Core.Redaction;
using Router.Lsp.Assistant;
using Router.Lsp.Completion;
using Router.Lsp.Configuration;
using Router.Lsp.Contracts;
using Router.Lsp.Documents;
using Router.Lsp.Lifecycle;
using Router.Lsp.Progress;
using Router.Lsp.Refactor;
using Router.Lsp.Status;
using Router.Lsp.Usage;
using Router.Protocol;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;
using Router.Runtime;
using Router.Runtime.Configuration;
using Router.Runtime.Sessions;

namespace Router.Lsp;

/// <summary>The Router language server: every LSP method it answers is registered here, top to bottom.</summary>
public sealed class LspServer : IAsyncDisposable
{
    private readonly JsonRpcConnection _connection;
    private readonly LspLifecycle _lifecycle = new();
    private readonly RouterRuntime _runtime;
    private readonly RouterRuntime? _ownedRuntime;
    private readonly ILogger _log;
    private readonly FillInTheMiddleModeBook _fillInTheMiddleModes;
    private readonly TodayUsage _today;
    private readonly CodeModelWarmUp? _warmUp;

    /// <summary>Creates a server reading LSP messages from <paramref name="input"/> and writing to <paramref name="output"/>
    /// (stdin and stdout for <c>router lsp</c>). Each request is routed by the policy over <paramref name="config"/>
    /// and sent to the endpoint's provider from <paramref name="providers"/>.</summary>
    public LspServer(Stream input, Stream output, LspServerOptions options, RouterConfigSource config, IModelProviderSource providers)
        : this(input, output, options, config, new RouterRuntime(providers ?? throw new ArgumentNullException(nameof(providers))))
    {
        _ownedRuntime = _runtime;
    }

    /// <summary>Creates a server that dispatches through <paramref name="runtime"/> (hosts' health, inventory, spend), which the
    /// caller owns.</summary>
    public LspServer(Stream input, Stream output, LspServerOptions options, RouterConfigSource config, RouterRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(runtime);
        options.Validate();
        _runtime = runtime;
        _log = options.Logger;

        _connection = new JsonRpcConnection(input, output);
        _connection.Admission = _lifecycle.Admit;
        _connection.NotificationFailed = ReportNotificationFailure;
        _connection.ErrorMessageFilter = OutwardRedactor.Default.Redact;
        _connection.MessageDropped = ReportDroppedMessage;

        _fillInTheMiddleModes = options.FillInTheMiddleModes;
        _fillInTheMiddleModes.Learned += ReportFillInTheMiddleMode;

        DocumentStore documents = new();
        CompletionTracePublisher traces = new(_connection, options.CompletionObserver);
        ConfigurationHandlers configuration = new(config, _connection);
        _today = new TodayUsage(options.UsageLedger, options.Time);
        StatusPublisher status = new(config, runtime, _connection, _today);
        _today.Updated += () => _ = status.ResendAsync();
        AnswerProgress progress = new(_connection);
        ClientEditSupport edits = new();
        DocumentSyncHandlers sync = new(documents);
        CompletionService completionService = new(documents, new CompletionRouter(config), runtime, status, options, traces);
        LifecycleHandlers lifecycle = new(_lifecycle, documents, traces, config, configuration, status, progress, edits, completionService, _connection, options);
        documents.Changed += completionService.Typed;
        documents.Closed += completionService.Forget;
        if (options.WarmUpCodeModel)
        {
            _warmUp = new(config, runtime, options.Logger, options.Time);
            documents.Opened += _warmUp.DocumentOpened;
        }

        config.Reloaded += _ => completionService.ForgetCompletions();

        // A completion cached from the model routed before a router.models change must not be shown after it.
        config.SettingsChanged += completionService.ForgetCompletions;
        CompletionHandlers completion = new(completionService);
        DecisionLog decisions = new();
        AssistantService assistant = new(documents, config, runtime, new SessionHistory(options.Time), decisions, status, _connection);
        AssistantHandlers assist = new(assistant, new RefactorEditor(assistant), decisions, status, documents, progress, edits, configuration, _connection);
        UsageReportHandler usage = new(options.UsageLedger, config, options.Time);
        LspJsonContext json = LspJsonContext.Default;

        // Lifecycle
        _connection.AddRequestHandler(LspMethods.Initialize, json.InitializeParams, json.InitializeResult, lifecycle.InitializeAsync, HandlerMode.Mutating);
        _connection.AddNotificationHandler(LspMethods.Initialized, json.InitializedParams, lifecycle.InitializedAsync);
        _connection.AddRequestHandler(LspMethods.Shutdown, json.Object, lifecycle.ShutdownAsync, HandlerMode.Mutating);
        _connection.AddNotificationHandler(LspMethods.Exit, lifecycle.ExitAsync);

        // Configuration: router.yaml is also watched on disk; this re-reads it when the editor's settings change.
        _connection.AddNotificationHandler(LspMethods.DidChangeConfiguration, json.DidChangeConfigurationParams, configuration.DidChangeConfigurationAsync);

        // Document sync: mutating, so each change lands before any later request reads the document.
        _connection.AddNotificationHandler(LspMethods.DidOpen, json.DidOpenTextDocumentParams, sync.DidOpenAsync);
        _connection.AddNotificationHandler(LspMethods.DidChange, json.DidChangeTextDocumentParams, sync.DidChangeAsync);
        _connection.AddNotificationHandler(LspMethods.DidClose, json.DidCloseTextDocumentParams, sync.DidCloseAsync);

        // Completion: read-only, so a slow model never holds up typing.
        _connection.AddRequestHandler(LspMethods.InlineCompletion, json.InlineCompletionParams, json.InlineCompletionList, completion.InlineCompletionAsync);
        _connection.AddRequestHandler(LspMethods.Completion, json.CompletionParams, json.CompletionList, completion.CompletionAsync);

        // Explain, refactor, chat: read-only too; a refactor's edit is resolved only when the user picks the action.
        _connection.AddRequestHandler(LspMethods.CodeAction, json.CodeActionParams, json.IReadOnlyListCodeAction, assist.CodeActionAsync);
        _connection.AddRequestHandler(LspMethods.CodeActionResolve, json.CodeAction, json.CodeAction, assist.ResolveCodeActionAsync);
        // Commands: an inline completion's accept, the usage report, and the assistant's own (explain, ask, refactor, …).
        _connection.AddRequestHandler(LspMethods.ExecuteCommand, json.ExecuteCommandParams, json.JsonElement, (request, cancellationToken) => request.Command switch
        {
            RouterCommands.CompletionAccepted => completion.AcceptedAsync(request, cancellationToken),
            RouterCommands.UsageReport => usage.ReportAsync(request, cancellationToken),
            _ => assist.ExecuteCommandAsync(request, cancellationToken),
        });

        // The user cancelled an explain or ask from the editor's progress UI: read-only, so it never waits behind anything.
        _connection.AddNotificationHandler(LspMethods.WorkDoneProgressCancel, json.WorkDoneProgressCancelParams, progress.CancelAsync, HandlerMode.ReadOnly);
    }

    /// <summary>Serves until <c>exit</c>, the end of the input, or cancellation. Returns the process exit code:
    /// 0 when <c>shutdown</c> came first, otherwise 1.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await _connection.RunAsync(cancellationToken);
        return _lifecycle.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        _fillInTheMiddleModes.Learned -= ReportFillInTheMiddleMode;
        if (_warmUp is not null)
        {
            await _warmUp.DisposeAsync();
        }

        await _today.DisposeAsync();
        await _connection.DisposeAsync();
        if (_ownedRuntime is not null)
        {
            await _ownedRuntime.DisposeAsync();
        }
    }

    /// <summary>A model that cannot fill in the middle gives worse completions without any error: the user is told why.</summary>
    private void ReportFillInTheMiddleMode(string endpoint, string model, FillInTheMiddleChoice choice)
    {
        LspServerLog.FillInTheMiddleLearned(_log, model, endpoint, choice.Mode, choice.HowFound);
        if (choice.Mode == FillInTheMiddleMode.None)
        {
            Log(MessageType.Warning, $"{model} on {endpoint} cannot fill in the middle ({choice.HowFound}): completions there only continue the text before the cursor");
        }
        else
        {
            Log(MessageType.Info, $"{model} on {endpoint} fills in the middle by {choice.Mode.Name()} ({choice.HowFound})");
        }
    }

    private void ReportNotificationFailure(string method, Exception exception)
    {
        LspServerLog.NotificationFailed(_log, method, exception);
        Log(MessageType.Error, $"{method} failed: {exception.Message}");
    }

    private void ReportDroppedMessage(string reason)
    {
        LspServerLog.MessageDropped(_log, reason);
        Log(MessageType.Warning, reason);
    }

    private void Log(MessageType type, string message) =>
        _ = _connection.LogMessageAsync(type, OutwardRedactor.Default.Redact(message), CancellationToken.None)
            .ContinueWith(static sent => _ = sent.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}

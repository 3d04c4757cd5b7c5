using System.Text.Json;
using Router.Lsp.Completion;
using Router.Lsp.Configuration;
using Router.Lsp.Contracts;
using Router.Lsp.Documents;
using Router.Lsp.Progress;
using Router.Lsp.Refactor;
using Router.Lsp.Status;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;
using Router.Runtime.Configuration;

namespace Router.Lsp.Lifecycle;

/// <summary>Handles <c>initialize</c> (capabilities, position encoding), <c>initialized</c>, <c>shutdown</c> and <c>exit</c>.</summary>
internal sealed class LifecycleHandlers(
    LspLifecycle lifecycle,
    DocumentStore documents,
    CompletionTracePublisher traces,
    RouterConfigSource config,
    ConfigurationHandlers configuration,
    StatusPublisher status,
    AnswerProgress progress,
    ClientEditSupport edits,
    CompletionService completions,
    JsonRpcConnection connection,
    LspServerOptions options)
{
    public ValueTask<InitializeResult> InitializeAsync(InitializeParams request, CancellationToken cancellationToken)
    {
        // UTF-8 when the client offers it (LSP 3.17); UTF-16 is the protocol's mandatory default.
        bool utf8 = request.Capabilities?.General?.PositionEncodings?.Contains(PositionEncodingKind.Utf8) == true;
        documents.Encoding = utf8 ? PositionEncoding.Utf8 : PositionEncoding.Utf16;
        traces.NotifyClient = Flag(request.InitializationOptions, "completionTraces");
        status.ClientShowsStatusMessages = Flag(request.InitializationOptions, "statusMessages");
        completions.Acceptance.ClientReportsAccepts = Flag(request.InitializationOptions, "completionAccepts");
        progress.ClientCreatesTokens = request.Capabilities?.Window?.WorkDoneProgress == true;
        configuration.ClientAnswersConfiguration = request.Capabilities?.Workspace?.Configuration == true;
        edits.Read(request.Capabilities);
        if (request.InitializationOptions is { ValueKind: JsonValueKind.Object } initOptions && initOptions.TryGetProperty("settings", out JsonElement settings))
        {
            config.ApplyEditorSettings(EditorSettings.Read(settings));
        }
        if (WorkspaceRoot(request) is { } root)
        {
            documents.WorkspaceRoot = root;
            config.UseWorkspace(root);
        }

        lifecycle.MarkInitialized();

        ServerCapabilities capabilities = new()
        {
            PositionEncoding = utf8 ? PositionEncodingKind.Utf8 : PositionEncodingKind.Utf16,
            TextDocumentSync = new TextDocumentSyncOptions(OpenClose: true, Change: TextDocumentSyncKind.Incremental),
            CompletionProvider = new CompletionOptions(ResolveProvider: false),
            InlineCompletionProvider = true,
            CodeActionProvider = new CodeActionOptions([CodeActionKinds.QuickFix, CodeActionKinds.RefactorRewrite, CodeActionKinds.RefactorExtract], ResolveProvider: true),
            ExecuteCommandProvider = new ExecuteCommandOptions(RouterCommands.All),
        };
        return ValueTask.FromResult(new InitializeResult(capabilities, new ClientInfo(options.ServerName, options.ServerVersion)));
    }

    /// <summary>initializationOptions is free-form (LSPAny) and editors send all kinds of shapes: read it defensively.</summary>
    private static bool Flag(JsonElement? initializationOptions, string name) =>
        initializationOptions is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty(name, out JsonElement flag)
        && flag.ValueKind == JsonValueKind.True;

    /// <summary>The first read of the configuration is reported once the client can show messages.</summary>
    public async ValueTask InitializedAsync(InitializedParams notification, CancellationToken cancellationToken)
    {
        if (config.InitialLoad is { } load)
        {
            await configuration.ReportAsync(load);
        }

        configuration.PullEditorSettings();

        // Off the request path: the first completion should cost what the thousandth does, not the JIT's time.
        _ = Task.Run(WarmUpCompletionAsync, CancellationToken.None);
    }

    private async Task WarmUpCompletionAsync()
    {
        try
        {
            using CancellationTokenSource limit = new(TimeSpan.FromSeconds(30));
            await completions.WarmUpAsync(limit.Token);
        }
#pragma warning disable CA1031 // A warm-up that fails (say, a configuration that does not route) only leaves the JIT cold.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static string? WorkspaceRoot(InitializeParams request)
    {
        string? uri = request.WorkspaceFolders is [{ } first, ..] ? first.Uri : request.RootUri;
        return uri is not null && Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed) && parsed.IsFile ? parsed.LocalPath : null;
    }

    public ValueTask<object?> ShutdownAsync(CancellationToken cancellationToken)
    {
        lifecycle.MarkShutDown();
        return ValueTask.FromResult<object?>(null);
    }

    public ValueTask ExitAsync(CancellationToken cancellationToken)
    {
        lifecycle.MarkExited();
        connection.Stop();
        return ValueTask.CompletedTask;
    }
}

using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text.Json;
using System.Threading.Channels;
using Router.Backends.Endpoints;
using Router.Backends.FillInTheMiddle;
using Router.Core.Configuration;
using Router.Lsp.Client;
using Router.Lsp.Completion;
using Router.Lsp.Contracts;
using Router.Protocol.Lsp;
using Router.Runtime;
using Router.Runtime.Configuration;
using Router.Runtime.Dispatch;
using Router.Runtime.Health;
using Router.Runtime.Inventory;
using Router.Runtime.Usage;

namespace Router.Lsp.Tests;

/// <summary>A real <see cref="LspServer"/> and a real <see cref="LspClient"/> joined by in-memory pipes,
/// with a fake code model behind the server.</summary>
internal sealed class LspHarness : IAsyncDisposable
{
    public const string Uri = "file:///work/sample.cs";

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private readonly Channel<LogMessageParams> _logs = Channel.CreateUnbounded<LogMessageParams>();
    private readonly Channel<CompletionTraceParams> _wireTraces = Channel.CreateUnbounded<CompletionTraceParams>();
    private int _version = 1;

    private LspHarness(
        LspServerOptions? options,
        RouterConfigSource? config,
        IModelProviderSource? providers,
        EndpointHealthOptions? health,
        IModelStatusSource? status,
        Action<LspClient>? client,
        DispatchOptions? dispatch)
    {
        Pipe toServer = new();
        Pipe toClient = new();
        Action<CompletionTrace>? hostObserver = options?.CompletionObserver;
        LspServerOptions effective = (options ?? new LspServerOptions()) with
        {
            CompletionObserver = trace =>
            {
                Traces.Enqueue(trace);
                hostObserver?.Invoke(trace);
            },
        };
        if (ReferenceEquals(effective.FillInTheMiddleModes, FillInTheMiddleModeBook.Shared))
        {
            // The process-wide book would hand this server the modes other tests learn at the same time, each told to the
            // client as a log message in the middle of the ones this test reads.
            effective = effective with { FillInTheMiddleModes = new FillInTheMiddleModeBook() };
        }
        Config = config ?? RouterConfigSource.Fixed(TestConfig.With());
        Providers = new FakeProviderSource(Provider);
        // One ledger, as `router lsp` has: the dispatcher books into the one the test gives the server.
        Runtime = new RouterRuntime(
            providers ?? Providers, ledger: effective.UsageLedger as UsageLedger, health: health, dispatch: dispatch ?? new DispatchOptions { Deadlines = Generous }, status: status);
        Wire = new WireRecorder(toClient.Writer.AsStream());
        Server = new LspServer(toServer.Reader.AsStream(), Wire, effective, Config, Runtime);
        ServerRun = Server.RunAsync(CancellationToken.None);
        Client = new LspClient(toClient.Reader, toServer.Writer);
        Client.OnLogMessage(message => _logs.Writer.TryWrite(message));
        Client.OnShowMessage(ShownMessages.Enqueue);
        Client.OnRouterNotifications(Answers.Enqueue, Statuses.Enqueue);
        Client.OnCompletionTrace(trace => _wireTraces.Writer.TryWrite(trace));
        client?.Invoke(Client);
        Client.Start(CancellationToken.None);
    }

    /// <summary>Deadlines no test misses on a loaded machine; tests of the deadlines pass their own <see cref="DispatchOptions"/>.</summary>
    public static DeadlinesConfig Generous { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));

    public FakeModelProvider Provider { get; } = new();

    /// <summary>Every byte the server wrote to the client: responses, errors and notifications of every kind.</summary>
    public WireRecorder Wire { get; }

    public RouterRuntime Runtime { get; }

    /// <summary>router/answer chunks, in arrival order.</summary>
    public ConcurrentQueue<RouterAnswerParams> Answers { get; } = new();

    public ConcurrentQueue<RouterStatusParams> Statuses { get; } = new();

    /// <summary>window/showMessage notifications: what the editor pops up.</summary>
    public ConcurrentQueue<ShowMessageParams> ShownMessages { get; } = new();

    public FakeProviderSource Providers { get; }

    public RouterConfigSource Config { get; }

    public LspServer Server { get; }

    public Task<int> ServerRun { get; }

    public LspClient Client { get; }

    public ConcurrentQueue<CompletionTrace> Traces { get; } = new();

    public CancellationToken Timeout => _timeout.Token;

    public static async Task<LspHarness> StartAsync(
        bool initialize = true,
        IReadOnlyList<string>? positionEncodings = null,
        LspServerOptions? options = null,
        RouterConfigSource? config = null,
        IModelProviderSource? providers = null,
        EndpointHealthOptions? health = null,
        IModelStatusSource? status = null,
        Action<LspClient>? client = null,
        DispatchOptions? dispatch = null)
    {
        LspHarness harness = new(options, config, providers, health, status, client, dispatch);
        if (initialize)
        {
            await harness.InitializeAsync(positionEncodings);
        }

        return harness;
    }

    /// <param name="window">The client's window capabilities (work-done progress); none by default.</param>
    /// <param name="capabilities">Other capabilities than the default ones (then <paramref name="positionEncodings"/> and
    /// <paramref name="window"/> are not used).</param>
    public async Task<InitializeResult> InitializeAsync(
        IReadOnlyList<string>? positionEncodings = null,
        JsonElement? initializationOptions = null,
        string? rootUri = null,
        WindowClientCapabilities? window = null,
        ClientCapabilities? capabilities = null)
    {
        InitializeParams request = new()
        {
            RootUri = rootUri,
            InitializationOptions = initializationOptions,
            ProcessId = Environment.ProcessId,
            ClientInfo = new ClientInfo("tests"),
            Capabilities = capabilities ?? new ClientCapabilities(General: new GeneralClientCapabilities(positionEncodings), Window: window),
        };
        InitializeResult result = await Client.InitializeAsync(request, Timeout);
        await Client.InitializedAsync(Timeout);
        return result;
    }

    public Task OpenAsync(string text, string uri = Uri) => Client.DidOpenAsync(new TextDocumentItem(uri, "csharp", _version, text), Timeout);

    public Task ReplaceAsync(Protocol.Lsp.Range range, string text, string uri = Uri) =>
        Client.DidChangeAsync(new VersionedTextDocumentIdentifier(uri, ++_version), [new TextDocumentContentChangeEvent(text, range)], Timeout);

    public async Task<string?> InlineAsync(int line, int character, string uri = Uri, CancellationToken cancellationToken = default)
    {
        using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(Timeout, cancellationToken);
        InlineCompletionList list = await Client.InlineCompletionAsync(
            new InlineCompletionParams(new TextDocumentIdentifier(uri), new Position(line, character), new InlineCompletionContext(InlineCompletionTriggerKind.Automatic)),
            linked.Token);
        return list.Items.Count == 0 ? null : Assert.Single(list.Items).InsertText;
    }

    public ValueTask<LogMessageParams> NextLogAsync() => _logs.Reader.ReadAsync(Timeout);

    public ValueTask<CompletionTraceParams> NextWireTraceAsync() => _wireTraces.Reader.ReadAsync(Timeout);

    public bool TryTakeLog(out LogMessageParams? message) => _logs.Reader.TryRead(out message);

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await ServerRun.WaitAsync(Timeout);
        await Server.DisposeAsync();
        await Runtime.DisposeAsync();
        Config.Dispose();
        _timeout.Dispose();
    }
}

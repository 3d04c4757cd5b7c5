using System.Diagnostics;
using System.Text.Json;

namespace Router.Lsp.Tests.Fuzzing;

/// <summary>Drives a real <see cref="LspServer"/> through its whole lifecycle with hostile frames from a
/// <see cref="FrameFuzzer"/>, with valid requests (probes) among them whose answers are known. A server that a frame kills is
/// recorded as a crash and started again, so one run counts every fatal frame instead of stopping at the first.</summary>
internal sealed class ProtocolFuzzer(int seed, int frames) : IAsyncDisposable
{
    private const string ProbeUri = "file:///fuzz/probe.cs";
    private const string ProbeText = "var total = ";
    private const string ProbeCompletion = "Sum(values);";
    private const int ProbeEvery = 20;
    private const int CompletionProbeEvery = 250;
    private const int DuplicateProbeEvery = 500;

    private static readonly string[] ProbeActions = ["Explain with AI", "Add error handling (AI)", "Extract function (AI)", "Simplify (AI)"];

    private static readonly TimeSpan AnswerDeadline = TimeSpan.FromSeconds(15);

    private readonly FrameFuzzer _fuzzer = new(seed);
    private readonly FakeModelProvider _provider = new() { Answer = _ => ProbeCompletion };
    private RawLspPeer? _peer;
    private bool _initialized;
    private bool _shutDown;
    private byte[] _lastFrame = [];
    private int _probes;

    public int FramesSent { get; private set; }

    public int ProbesAnswered { get; private set; }

    /// <summary>Each frame that ended the server: the exception and the frame's first bytes.</summary>
    public List<string> Crashes { get; } = [];

    /// <summary>Frames after which the server stopped reading (its input stayed full past the deadline).</summary>
    public List<string> Hangs { get; } = [];

    /// <summary>Probes whose answer was wrong (or late).</summary>
    public List<string> WrongAnswers { get; } = [];

    public List<string> Violations { get; } = [];

    public List<string> InternalErrors { get; } = [];

    public Dictionary<int, int> ErrorCodes { get; } = [];

    public int? ExitCode { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    public IReadOnlyDictionary<string, int> Made => _fuzzer.Made;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Stopwatch clock = Stopwatch.StartNew();
        int before = frames / 20;
        int after = frames / 20;
        int during = frames - before - after;

        // Hostile initialize requests, each to a fresh server: answered (a result or an error), never fatal.
        await FuzzInitializeAsync(Math.Max(50, frames / 100), cancellationToken);

        // Before initialize: requests get ServerNotInitialized, notifications are dropped.
        await StartAsync(initialize: false, cancellationToken);
        await ExpectErrorAsync("shutdown", "null", -32002, cancellationToken);
        await SendJunkAsync(before, () => ProbeActionsAsync(expectedError: -32002, cancellationToken), cancellationToken);

        await InitializeAsync(cancellationToken);
        await ExpectErrorAsync("initialize", """{"capabilities":{}}""", -32600, cancellationToken);
        await SendJunkAsync(during, () => ProbeAsync(cancellationToken), cancellationToken);

        // After shutdown: requests get InvalidRequest; exit then ends the server with 0.
        await ShutdownAsync(cancellationToken);
        await ExpectErrorAsync("shutdown", "null", -32600, cancellationToken);
        await ExpectErrorAsync("initialize", """{"capabilities":{}}""", -32600, cancellationToken);
        await SendJunkAsync(after, () => ProbeActionsAsync(expectedError: -32600, cancellationToken), cancellationToken);
        await _peer!.WriteAsync(RawLspPeer.Frame("""{"jsonrpc":"2.0","method":"exit"}"""), cancellationToken);
        ExitCode = await _peer.ServerRun.WaitAsync(AnswerDeadline, cancellationToken);
        await StopAsync();
        Elapsed = clock.Elapsed;
    }

    /// <summary>Stops a server a failed run left running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_peer is not null)
        {
            await StopAsync();
        }
    }

    private async Task SendJunkAsync(int count, Func<Task> probe, CancellationToken cancellationToken)
    {
        for (int i = 1; i <= count; i++)
        {
            _lastFrame = _fuzzer.Next();
            using (CancellationTokenSource deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                deadline.CancelAfter(AnswerDeadline);
                try
                {
                    await _peer!.WriteAsync(_fuzzer.Pieces(_lastFrame), deadline.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    Hangs.Add($"the server stopped reading after frame {Convert.ToHexString(_lastFrame.AsSpan(0, Math.Min(_lastFrame.Length, 160)))}");
                    await RestartAsync(cancellationToken);
                }
            }

            FramesSent++;
            if (_peer!.ServerRun.IsCompleted)
            {
                await RestartAfterCrashAsync(cancellationToken);
            }

            if (i % ProbeEvery == 0)
            {
                await probe();
            }
        }
    }

    private async Task FuzzInitializeAsync(int count, CancellationToken cancellationToken)
    {
        for (int i = 0; i < count; i++)
        {
            await StartAsync(initialize: false, cancellationToken);
            _lastFrame = _fuzzer.NextInitialize();
            await _peer!.WriteAsync(_fuzzer.Pieces(_lastFrame), cancellationToken);
            FramesSent++;

            // Whether that initialize took or not, the lifecycle must be in one of its two states, and say which.
            string id = $"probe-after-initialize-{i}";
            JsonElement? response = await AwaitAsync(() => _peer!.RequestAsync(id, "textDocument/codeAction", ActionParams, cancellationToken), id, cancellationToken);
            if (response is { } answer)
            {
                Check(id, IsError(answer, -32002) || answer.TryGetProperty("result", out _), answer);
            }

            _initialized = false;
            await StopAsync();
        }
    }

    private async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await ProbeActionsAsync(expectedError: null, cancellationToken);
        if (_probes % (CompletionProbeEvery / ProbeEvery) == 0)
        {
            await ProbeCompletionAsync(cancellationToken);
        }

        if (_probes % (DuplicateProbeEvery / ProbeEvery) == 0)
        {
            await ProbeDuplicateIdAsync(cancellationToken);
        }
    }

    /// <summary>A code action request on the probe document: its answer is fixed (no model is asked).</summary>
    private async Task ProbeActionsAsync(int? expectedError, CancellationToken cancellationToken)
    {
        string id = $"probe-{++_probes}";
        JsonElement? response = await AwaitAsync(
            () => _peer!.RequestAsync(id, "textDocument/codeAction", ActionParams, cancellationToken), id, cancellationToken);
        if (response is { } answer)
        {
            Check(id, expectedError is { } code ? IsError(answer, code) : IsProbeActions(answer), answer);
        }
    }

    private async Task ProbeCompletionAsync(CancellationToken cancellationToken)
    {
        string id = $"probe-completion-{_probes}";
        const string Parameters = $$$"""{"textDocument":{"uri":"{{{ProbeUri}}}"},"position":{"line":0,"character":12},"context":{"triggerKind":1}}""";
        JsonElement? response = await AwaitAsync(() => _peer!.RequestAsync(id, "textDocument/inlineCompletion", Parameters, cancellationToken), id, cancellationToken);
        if (response is { } answer)
        {
            bool right = answer.TryGetProperty("result", out JsonElement result)
                && result.GetProperty("items") is { ValueKind: JsonValueKind.Array } items && items.GetArrayLength() == 1
                && items[0].GetProperty("insertText").GetString() == ProbeCompletion;
            Check(id, right, answer);
        }
    }

    /// <summary>The same request twice under one id: the second is refused while the first runs, or answered after it.</summary>
    private async Task ProbeDuplicateIdAsync(CancellationToken cancellationToken)
    {
        string id = $"probe-duplicate-{_probes}";
        try
        {
            IReadOnlyList<JsonElement> responses = await _peer!.RequestAsync(id, "textDocument/codeAction", ActionParams, 2, cancellationToken)
                .WaitAsync(AnswerDeadline, cancellationToken);
            bool right = responses.Any(IsProbeActions)
                && responses.All(response => IsProbeActions(response) || (IsError(response, -32600) && Message(response).Contains("already used", StringComparison.Ordinal)));
            Check(id, right, responses[0]);
        }
        catch (TimeoutException)
        {
            WrongAnswers.Add($"{id}: no answer within {AnswerDeadline.TotalSeconds} s");
        }
    }

    private async Task ExpectErrorAsync(string method, string parameters, int code, CancellationToken cancellationToken)
    {
        string id = $"probe-lifecycle-{method}-{++_probes}";
        JsonElement? response = await AwaitAsync(() => _peer!.RequestAsync(id, method, parameters, cancellationToken), id, cancellationToken);
        if (response is { } answer)
        {
            Check(id, IsError(answer, code), answer);
        }
    }

    /// <summary>Waits for a probe's answer; a server that dies first is a crash (recorded, then restarted), one that stays
    /// silent past the deadline a wrong answer.</summary>
    private async Task<JsonElement?> AwaitAsync(Func<Task<JsonElement>> request, string id, CancellationToken cancellationToken)
    {
        Task<JsonElement> answer = request();
        Task first = await Task.WhenAny(answer, _peer!.ServerRun, Task.Delay(AnswerDeadline, cancellationToken));
        if (first == answer)
        {
            ProbesAnswered++;
            return await answer;
        }

        if (_peer.ServerRun.IsCompleted)
        {
            await RestartAfterCrashAsync(cancellationToken);
            return null;
        }

        WrongAnswers.Add($"{id}: no answer within {AnswerDeadline.TotalSeconds} s");
        return null;
    }

    private void Check(string id, bool right, JsonElement answer)
    {
        if (!right && WrongAnswers.Count < 20)
        {
            string text = answer.GetRawText();
            WrongAnswers.Add($"{id}: {(text.Length > 400 ? text[..400] : text)}");
        }
    }

    private async Task StartAsync(bool initialize, CancellationToken cancellationToken)
    {
        _peer = new RawLspPeer(_provider, new LspServerOptions());
        if (initialize)
        {
            await InitializeAsync(cancellationToken);
        }
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        _initialized = true;
        JsonElement initialized = await _peer!.RequestAsync("probe-initialize", "initialize", """{"processId":null,"capabilities":{}}""", cancellationToken)
            .WaitAsync(AnswerDeadline, cancellationToken);
        Check("probe-initialize", initialized.TryGetProperty("result", out JsonElement result) && result.TryGetProperty("capabilities", out _), initialized);
        await _peer.WriteAsync(RawLspPeer.Frame("""{"jsonrpc":"2.0","method":"initialized","params":{}}"""), cancellationToken);
        await _peer.WriteAsync(
            RawLspPeer.Frame($$$$"""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"{{{{ProbeUri}}}}","languageId":"csharp","version":1,"text":"{{{{ProbeText}}}}"}}}"""),
            cancellationToken);
    }

    private async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        _shutDown = true;
        JsonElement shutdown = await _peer!.RequestAsync("probe-shutdown", "shutdown", "null", cancellationToken).WaitAsync(AnswerDeadline, cancellationToken);
        Check("probe-shutdown", shutdown.TryGetProperty("result", out JsonElement result) && result.ValueKind == JsonValueKind.Null, shutdown);
    }

    private async Task RestartAfterCrashAsync(CancellationToken cancellationToken)
    {
        string frame = Convert.ToHexString(_lastFrame.AsSpan(0, Math.Min(_lastFrame.Length, 160)));
        Crashes.Add($"{_peer!.ServerRun.Exception?.InnerException?.GetType().Name}: {_peer.ServerRun.Exception?.InnerException?.Message} after frame {frame}");
        await RestartAsync(cancellationToken);
    }

    private async Task RestartAsync(CancellationToken cancellationToken)
    {
        await StopAsync();

        // Back to where the lifecycle was, so the probes that follow still know their answers.
        bool shutDown = _shutDown;
        await StartAsync(initialize: _initialized, cancellationToken);
        if (shutDown)
        {
            await ShutdownAsync(cancellationToken);
        }
    }

    private async Task StopAsync()
    {
        RawLspPeer peer = _peer!;
        Violations.AddRange(peer.Violations);
        InternalErrors.AddRange(peer.InternalErrors);

        // The server's own account of a failure it did not foresee (its log, not the answer, names the exception).
        InternalErrors.AddRange(peer.Logs.Where(log => log.StartsWith("A message could not be processed", StringComparison.Ordinal)));
        foreach ((int code, int count) in peer.ErrorCodes)
        {
            ErrorCodes[code] = ErrorCodes.GetValueOrDefault(code) + count;
        }

        _peer = null;
        await peer.DisposeAsync();
    }

    private static string ActionParams =>
        $$$"""{"textDocument":{"uri":"{{{ProbeUri}}}"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":{{{ProbeText.Length}}}}},"context":{"diagnostics":[]}}""";

    private static bool IsProbeActions(JsonElement response) =>
        response.TryGetProperty("result", out JsonElement result) && result.ValueKind == JsonValueKind.Array
        && result.EnumerateArray().Select(action => action.GetProperty("title").GetString()).SequenceEqual(ProbeActions);

    private static bool IsError(JsonElement response, int code) =>
        response.TryGetProperty("error", out JsonElement error) && error.GetProperty("code").GetInt32() == code;

    private static string Message(JsonElement response) => response.GetProperty("error").GetProperty("message").GetString() ?? "";
}

using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using System.Threading.Channels;
using Router.Runtime;
using Router.Runtime.Configuration;

namespace Router.Lsp.Tests.Fuzzing;

/// <summary>A real <see cref="LspServer"/> driven with raw bytes over in-memory pipes, as a hostile editor would drive it.
/// Every frame the server writes is read with this class's own parser and checked to be well-formed JSON-RPC; requests
/// the server sends are answered with null.</summary>
internal sealed class RawLspPeer : IAsyncDisposable
{
    private readonly Pipe _toServer = new();
    private readonly Pipe _toClient = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly ConcurrentDictionary<string, Channel<JsonElement>> _awaited = new(StringComparer.Ordinal);
    private readonly Task _reading;
    private int _responses;

    public RawLspPeer(FakeModelProvider provider, LspServerOptions options)
    {
        Config = RouterConfigSource.Fixed(TestConfig.With());
        Runtime = new RouterRuntime(new FakeProviderSource(provider));
        Server = new LspServer(_toServer.Reader.AsStream(), _toClient.Writer.AsStream(), options, Config, Runtime);
        ServerRun = Server.RunAsync(CancellationToken.None);
        _reading = Task.Run(ReadAsync);
    }

    public RouterConfigSource Config { get; }

    public RouterRuntime Runtime { get; }

    public LspServer Server { get; }

    /// <summary>Ends with the exit code after <c>exit</c>; ends early (faulted) if a frame kills the server.</summary>
    public Task<int> ServerRun { get; }

    /// <summary>Error responses by code.</summary>
    public ConcurrentDictionary<int, int> ErrorCodes { get; } = new();

    /// <summary>What was wrong with frames the server wrote that are not well-formed JSON-RPC.</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>Messages of InternalError answers: each is a failure the server did not foresee.</summary>
    public ConcurrentQueue<string> InternalErrors { get; } = new();

    /// <summary>window/logMessage texts.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    public int Responses => Volatile.Read(ref _responses);

    /// <summary>The frame that answers a request from the server, given the request's id as JSON; null (the default)
    /// answers with a null result.</summary>
    public Func<string, byte[]?>? AnswerServerRequest { get; init; }

    public static byte[] Frame(string json) => FrameFuzzer.Frame(Encoding.UTF8.GetBytes(json));

    /// <summary>Writes the pieces back to back; nothing else is written in between.</summary>
    public async Task WriteAsync(IEnumerable<ReadOnlyMemory<byte>> pieces, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            foreach (ReadOnlyMemory<byte> piece in pieces)
            {
                await _toServer.Writer.WriteAsync(piece, cancellationToken);
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    public Task WriteAsync(byte[] bytes, CancellationToken cancellationToken) => WriteAsync([bytes], cancellationToken);

    /// <summary>Sends a request with a string id and returns the whole response when it comes.</summary>
    public async Task<JsonElement> RequestAsync(string id, string method, string parameters, CancellationToken cancellationToken) =>
        (await RequestAsync(id, method, parameters, 1, cancellationToken))[0];

    /// <summary>Sends the same request <paramref name="times"/> times in one write, same id each time, and returns every
    /// response that id gets.</summary>
    public async Task<IReadOnlyList<JsonElement>> RequestAsync(string id, string method, string parameters, int times, CancellationToken cancellationToken)
    {
        Channel<JsonElement> responses = Channel.CreateUnbounded<JsonElement>();
        string key = JsonSerializer.Serialize(id);
        _awaited[key] = responses;
        byte[] frame = Frame($$"""{"jsonrpc":"2.0","id":{{key}},"method":"{{method}}","params":{{parameters}}}""");
        await WriteAsync([.. Enumerable.Repeat(frame, times).SelectMany(bytes => bytes)], cancellationToken);
        List<JsonElement> received = [];
        while (received.Count < times)
        {
            received.Add(await responses.Reader.ReadAsync(cancellationToken));
        }

        _awaited.TryRemove(key, out _);
        return received;
    }

    public async ValueTask DisposeAsync()
    {
        await _toServer.Writer.CompleteAsync();

        // A server a frame killed or hung must not hang the test too: each step gets a deadline, and its failure has
        // been recorded by the fuzzer already.
        await QuietlyAsync(ServerRun);
        await QuietlyAsync(Server.DisposeAsync().AsTask());
        await QuietlyAsync(_reading);
        await Runtime.DisposeAsync();
        Config.Dispose();
    }

    private static async Task QuietlyAsync(Task task)
    {
        try
        {
            await task.WaitAsync(TimeSpan.FromSeconds(10));
        }
#pragma warning disable CA1031 // Whatever ended the server is already on record; disposal only has to finish.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private async Task ReadAsync()
    {
        PipeReader reader = _toClient.Reader;
        while (true)
        {
            ReadResult result = await reader.ReadAsync();
            ReadOnlySequence<byte> buffer = result.Buffer;
            while (TryTakeFrame(ref buffer, out byte[]? body))
            {
                try
                {
                    Handle(body);
                }
                catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or JsonException)
                {
                    // A frame of an unexpected shape must not stop this reader: the server would block on a full pipe.
                    Violations.Enqueue($"A frame this reader could not take apart: {e.Message}");
                }
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                await reader.CompleteAsync();
                return;
            }
        }
    }

    private bool TryTakeFrame(ref ReadOnlySequence<byte> buffer, out byte[] body)
    {
        body = [];
        SequenceReader<byte> reader = new(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> header, "\r\n\r\n"u8))
        {
            return false;
        }

        string text = Encoding.ASCII.GetString(header);
        const string Prefix = "Content-Length: ";
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || !int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int length))
        {
            Violations.Enqueue($"The server wrote a header that is not just Content-Length: {text}");
            buffer = buffer.Slice(reader.Position);
            return true;
        }

        if (reader.Remaining < length)
        {
            return false;
        }

        body = reader.UnreadSequence.Slice(0, length).ToArray();
        buffer = buffer.Slice(reader.UnreadSequence.GetPosition(length));
        return true;
    }

    private void Handle(byte[] body)
    {
        if (body.Length == 0)
        {
            return;
        }

        if (!Utf8.IsValid(body))
        {
            Violations.Enqueue("The server wrote a body that is not UTF-8.");
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            Violations.Enqueue($"The server wrote a body that is not JSON: {e.Message}");
            return;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("jsonrpc", out JsonElement version)
                || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
            {
                Violations.Enqueue($"Not a JSON-RPC 2.0 object: {Shorten(root.GetRawText())}");
                return;
            }

            if (root.TryGetProperty("method", out JsonElement method))
            {
                if (root.TryGetProperty("id", out JsonElement requestId))
                {
                    // Not awaited: the writer may be waiting for the server, which may be waiting for this reader.
                    string id = requestId.GetRawText();
                    _ = WriteAsync(AnswerServerRequest?.Invoke(id) ?? Frame($$"""{"jsonrpc":"2.0","id":{{id}},"result":null}"""), CancellationToken.None);
                }
                else if (method.GetString() == "window/logMessage")
                {
                    Logs.Enqueue(root.GetProperty("params").GetProperty("message").GetString()!);
                }

                return;
            }

            CheckResponse(root);
        }
    }

    private void CheckResponse(JsonElement root)
    {
        Interlocked.Increment(ref _responses);
        if (!root.TryGetProperty("id", out JsonElement id) || id.ValueKind is not (JsonValueKind.Number or JsonValueKind.String or JsonValueKind.Null))
        {
            Violations.Enqueue($"A response without a valid id: {Shorten(root.GetRawText())}");
            return;
        }

        bool hasResult = root.TryGetProperty("result", out _);
        bool hasError = root.TryGetProperty("error", out JsonElement error);
        if (hasResult == hasError)
        {
            Violations.Enqueue($"A response needs exactly one of result and error: {Shorten(root.GetRawText())}");
            return;
        }

        if (hasError)
        {
            if (error.ValueKind != JsonValueKind.Object
                || !error.TryGetProperty("code", out JsonElement code) || code.ValueKind != JsonValueKind.Number || !code.TryGetInt32(out int number)
                || !error.TryGetProperty("message", out JsonElement message) || message.ValueKind != JsonValueKind.String)
            {
                Violations.Enqueue($"A malformed error object: {Shorten(root.GetRawText())}");
                return;
            }

            ErrorCodes.AddOrUpdate(number, 1, (_, count) => count + 1);
            if (number == -32603)
            {
                InternalErrors.Enqueue(Shorten(message.GetString()!));
            }
        }

        if (_awaited.TryGetValue(id.GetRawText(), out Channel<JsonElement>? awaited))
        {
            awaited.Writer.TryWrite(root.Clone());
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

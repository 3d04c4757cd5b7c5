using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using Router.Protocol.Framing;

namespace Router.Protocol.JsonRpc;

/// <summary>A symmetric JSON-RPC 2.0 connection over LSP base-protocol framing: it dispatches incoming requests and
/// notifications to typed handlers, and sends requests (with correlated responses) and notifications to the peer.
/// Servers, test clients and the demo client all use this one class.</summary>
/// <remarks>Ordering follows Roslyn's CLaSP queue: one FIFO queue; a <see cref="HandlerMode.Mutating"/> handler runs
/// alone and completes before any later message starts; a <see cref="HandlerMode.ReadOnly"/> handler is started in
/// arrival order (its synchronous part runs before the next message) and then runs concurrently.
/// Responses and <c>$/cancelRequest</c> bypass the queue so they can never be stuck behind a handler.</remarks>
public sealed class JsonRpcConnection : IAsyncDisposable
{
    private const string CancelRequestMethod = "$/cancelRequest";

    private readonly PipeReader _input;
    private readonly FrameReader _reader;
    private readonly FrameWriter _writer;
    private readonly Dictionary<string, HandlerRegistration> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<RequestId, CancellationTokenSource> _incoming = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> _outgoing = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly Channel<IncomingCall> _queue =
        Channel.CreateUnbounded<IncomingCall>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _runFinished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextRequestId;
    private int _started;
    private volatile bool _inputEnded;
    private bool _readAbandoned;

    /// <summary>Creates a connection over two streams (e.g. stdin and stdout); the streams are closed when it ends.</summary>
    public JsonRpcConnection(Stream input, Stream output)
        : this(PipeReader.Create(input), PipeWriter.Create(output))
    {
    }

    /// <summary>Creates a connection over pipes (e.g. two in-memory <see cref="Pipe"/>s in tests).</summary>
    public JsonRpcConnection(PipeReader input, PipeWriter output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        _input = input;
        _reader = new FrameReader(input);
        _writer = new FrameWriter(output);
    }

    /// <summary>Decides, in queue order, whether a message may be dispatched (the LSP lifecycle uses this).
    /// Called with the method name and whether the message is a request.</summary>
    public Func<string, bool, Admission>? Admission { get; set; }

    /// <summary>Told when a notification handler fails (notifications have no response to carry the error);
    /// called with the method name and the exception.</summary>
    public Action<string, Exception>? NotificationFailed { get; set; }

    /// <summary>Applied to the message of an error response made from a handler's exception, which may quote a host's error
    /// or a URL (the language server redacts secrets there); null sends such messages as they are.</summary>
    public Func<string, string>? ErrorMessageFilter { get; set; }

    /// <summary>Registers a request handler with typed parameters and result.</summary>
    public void AddRequestHandler<TParams, TResult>(
        string method,
        JsonTypeInfo<TParams> paramsType,
        JsonTypeInfo<TResult> resultType,
        Func<TParams, CancellationToken, ValueTask<TResult>> handler,
        HandlerMode mode = HandlerMode.ReadOnly)
    {
        ArgumentNullException.ThrowIfNull(paramsType);
        ArgumentNullException.ThrowIfNull(resultType);
        ArgumentNullException.ThrowIfNull(handler);
        Register(method, new HandlerRegistration(true, mode, async (parameters, cancellationToken) =>
        {
            TParams typed = ReadParams(parameters, paramsType);
            TResult result = await handler(typed, cancellationToken);
            return writer => JsonSerializer.Serialize(writer, result, resultType);
        }));
    }

    /// <summary>Registers a request handler that takes no parameters.</summary>
    public void AddRequestHandler<TResult>(
        string method,
        JsonTypeInfo<TResult> resultType,
        Func<CancellationToken, ValueTask<TResult>> handler,
        HandlerMode mode = HandlerMode.ReadOnly)
    {
        ArgumentNullException.ThrowIfNull(resultType);
        ArgumentNullException.ThrowIfNull(handler);
        Register(method, new HandlerRegistration(true, mode, async (_, cancellationToken) =>
        {
            TResult result = await handler(cancellationToken);
            return writer => JsonSerializer.Serialize(writer, result, resultType);
        }));
    }

    /// <summary>Registers a notification handler with typed parameters.</summary>
    public void AddNotificationHandler<TParams>(
        string method,
        JsonTypeInfo<TParams> paramsType,
        Func<TParams, CancellationToken, ValueTask> handler,
        HandlerMode mode = HandlerMode.Mutating)
    {
        ArgumentNullException.ThrowIfNull(paramsType);
        ArgumentNullException.ThrowIfNull(handler);
        Register(method, new HandlerRegistration(false, mode, async (parameters, cancellationToken) =>
        {
            TParams typed = ReadParams(parameters, paramsType);
            await handler(typed, cancellationToken);
            return static writer => writer.WriteNullValue();
        }));
    }

    /// <summary>Registers a notification handler that takes no parameters.</summary>
    public void AddNotificationHandler(string method, Func<CancellationToken, ValueTask> handler, HandlerMode mode = HandlerMode.Mutating)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Register(method, new HandlerRegistration(false, mode, async (_, cancellationToken) =>
        {
            await handler(cancellationToken);
            return static writer => writer.WriteNullValue();
        }));
    }

    /// <summary>Sends a request and awaits the peer's response. Cancelling the token sends <c>$/cancelRequest</c>
    /// and throws <see cref="OperationCanceledException"/>; an error response throws <see cref="JsonRpcException"/>;
    /// a connection that ends first throws <see cref="IOException"/>.</summary>
    public Task<TResult?> SendRequestAsync<TParams, TResult>(
        string method,
        TParams parameters,
        JsonTypeInfo<TParams> paramsType,
        JsonTypeInfo<TResult> resultType,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paramsType);
        return SendRequestCoreAsync(method, writer => JsonSerializer.Serialize(writer, parameters, paramsType), resultType, cancellationToken);
    }

    /// <summary>Sends a request without parameters (e.g. <c>shutdown</c>) and awaits the response.</summary>
    public Task<TResult?> SendRequestAsync<TResult>(string method, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken) =>
        SendRequestCoreAsync(method, null, resultType, cancellationToken);

    /// <summary>Sends a notification with typed parameters.</summary>
    public async Task SendNotificationAsync<TParams>(string method, TParams parameters, JsonTypeInfo<TParams> paramsType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(paramsType);
        await _writer.WriteAsync(
            JsonRpcEnvelope.Notification(method, writer => JsonSerializer.Serialize(writer, parameters, paramsType)),
            cancellationToken);
    }

    /// <summary>Sends a notification without parameters (e.g. <c>exit</c>).</summary>
    public async Task SendNotificationAsync(string method, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        await _writer.WriteAsync(JsonRpcEnvelope.Notification(method, null), cancellationToken);
    }

    /// <summary>Reads and dispatches messages until the input ends, <see cref="Stop"/> is called or the token fires.
    /// Then cancels running handlers, fails pending outgoing requests and closes the output.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("The connection is already running.");
        }

        using CancellationTokenRegistration stopOnCancel = cancellationToken.Register(Stop);
        Task dispatcher = Task.Run(DispatchLoopAsync, CancellationToken.None);
        try
        {
            await ReadLoopAsync();
        }
        finally
        {
            try
            {
                await WindDownAsync(dispatcher);
            }
            finally
            {
                _runFinished.TrySetResult();
            }
        }
    }

    /// <summary>Stops reading; queued messages are dropped and running handlers are cancelled.</summary>
    public void Stop()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already disposed: nothing is running any more.
        }
    }

    /// <summary>Stops the connection, waits for <see cref="RunAsync"/> to wind down, and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        Stop();
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            await _writer.CompleteAsync();
            await _input.CompleteAsync();
            _runFinished.TrySetResult();
        }
        else
        {
            await _runFinished.Task;
        }

        _writer.Dispose();
        _stop.Dispose();
    }

    private async Task WindDownAsync(Task dispatcher)
    {
        _inputEnded = true;
        foreach (long id in _outgoing.Keys)
        {
            if (_outgoing.TryRemove(id, out TaskCompletionSource<JsonElement>? pending))
            {
                pending.TrySetException(new IOException("The connection ended before the response arrived."));
            }
        }

        // Messages already queued still run (an `exit` right before the end of input must count), then anything
        // still running is cancelled: its peer has gone.
        _queue.Writer.TryComplete();
        await dispatcher;
        foreach (CancellationTokenSource running in _incoming.Values)
        {
            CancelQuietly(running);
        }

        await Task.WhenAll(_running.Keys);
        await _writer.CompleteAsync();

        // Completing a reader under a read that is still running is not allowed; the host closes that stream.
        if (!_readAbandoned)
        {
            await _input.CompleteAsync();
        }
    }

    private static TParams ReadParams<TParams>(JsonElement? parameters, JsonTypeInfo<TParams> paramsType)
    {
        TParams? typed;
        try
        {
            typed = parameters is { } element ? element.Deserialize(paramsType) : default;
        }
        catch (JsonException exception)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, "Invalid params: " + exception.Message);
        }

        return typed ?? throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, "Invalid params: params are required.");
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The request finished while we were cancelling it.
        }
    }

    private static RequestId? ReadId(JsonElement id) => id.ValueKind switch
    {
        JsonValueKind.Number when id.TryGetInt64(out long number) => new RequestId(number),
        JsonValueKind.String => new RequestId(id.GetString()!),
        _ => null,
    };

    private void Register(string method, HandlerRegistration registration)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        if (_started == 1)
        {
            throw new InvalidOperationException("Handlers must be registered before the connection runs.");
        }

        _handlers[method] = registration;
    }

    private async Task<TResult?> SendRequestCoreAsync<TResult>(
        string method,
        Action<Utf8JsonWriter>? writeParams,
        JsonTypeInfo<TResult> resultType,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(resultType);
        cancellationToken.ThrowIfCancellationRequested();
        long id = Interlocked.Increment(ref _nextRequestId);
        TaskCompletionSource<JsonElement> response = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _outgoing[id] = response;
        try
        {
            if (_inputEnded)
            {
                throw new IOException("The connection has ended.");
            }

            await _writer.WriteAsync(JsonRpcEnvelope.Request(id, method, writeParams), cancellationToken);
            JsonElement result;
            // One callback both tells the peer and cancels the wait, so the $/cancelRequest is always sent.
            using (cancellationToken.Register(() => CancelOutgoing(id, response, cancellationToken)))
            {
                result = await response.Task;
            }

            return result.Deserialize(resultType);
        }
        finally
        {
            _outgoing.TryRemove(id, out _);
        }
    }

    private void CancelOutgoing(long id, TaskCompletionSource<JsonElement> response, CancellationToken cancellationToken)
    {
        if (_outgoing.TryRemove(id, out _))
        {
            response.TrySetCanceled(cancellationToken);
            _ = SendNotificationQuietlyAsync(
                JsonRpcEnvelope.Notification(CancelRequestMethod, writer =>
                    JsonSerializer.Serialize(writer, new CancelParams(new RequestId(id)), LspJsonContext.Default.CancelParams)));
        }
    }

    private async Task SendNotificationQuietlyAsync(byte[] message)
    {
        try
        {
            await _writer.WriteAsync(message, CancellationToken.None);
        }
        catch (IOException)
        {
            // The peer is gone; there is nobody left to tell.
        }
    }

    private async Task ReadLoopAsync()
    {
        while (true)
        {
            Frame frame;
            Task<Frame> read = _reader.ReadAsync(_stop.Token).AsTask();
            try
            {
                // Some streams (a console's stdin) ignore cancellation; waiting this way lets `exit` end the
                // connection even while such a read is still blocked.
                frame = await read.WaitAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                _readAbandoned = !read.IsCompleted;
                return;
            }
            catch (IOException)
            {
                return;
            }

            switch (frame.Kind)
            {
                case FrameKind.EndOfStream:
                    return;
                case FrameKind.Malformed:
                    await RespondAsync(JsonRpcEnvelope.Error(null, JsonRpcErrorCodes.ParseError, frame.Problem ?? "Malformed header."));
                    break;
                default:
                    await ReceiveAsync(frame.Body);
                    break;
            }
        }
    }

    private async Task ReceiveAsync(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            await RespondAsync(JsonRpcEnvelope.Error(null, JsonRpcErrorCodes.ParseError, "Parse error: the body is not valid JSON."));
            return;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                await RespondAsync(JsonRpcEnvelope.Error(null, JsonRpcErrorCodes.InvalidRequest, "Batch requests are not supported."));
                return;
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                await RespondAsync(JsonRpcEnvelope.Error(null, JsonRpcErrorCodes.InvalidRequest, "A message must be a JSON object."));
                return;
            }

            bool hasId = root.TryGetProperty("id", out JsonElement idElement) && idElement.ValueKind != JsonValueKind.Null;
            RequestId? id = hasId ? ReadId(idElement) : null;
            if (hasId && id is null)
            {
                await RespondAsync(JsonRpcEnvelope.Error(null, JsonRpcErrorCodes.InvalidRequest, "The id must be an integer or a string."));
                return;
            }

            if (!root.TryGetProperty("jsonrpc", out JsonElement version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
            {
                await RespondAsync(JsonRpcEnvelope.Error(id, JsonRpcErrorCodes.InvalidRequest, "The jsonrpc member must be \"2.0\"."));
                return;
            }

            if (root.TryGetProperty("method", out JsonElement methodElement))
            {
                if (methodElement.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(methodElement.GetString()))
                {
                    if (id is not null)
                    {
                        await RespondAsync(JsonRpcEnvelope.Error(id, JsonRpcErrorCodes.InvalidRequest, "The method must be a non-empty string."));
                    }

                    return;
                }

                string method = methodElement.GetString()!;
                JsonElement? parameters = root.TryGetProperty("params", out JsonElement p) ? p.Clone() : null;
                Enqueue(method, id, parameters);
                return;
            }

            if (id is { Number: long number } && (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _)))
            {
                CompleteOutgoing(number, root);
                return;
            }

            if (id is null && root.TryGetProperty("error", out _))
            {
                // An error the peer could not attribute to a request (e.g. our parse error); nothing to correlate.
                return;
            }

            await RespondAsync(JsonRpcEnvelope.Error(id, JsonRpcErrorCodes.InvalidRequest, "A message needs a method, or an id with a result or error."));
        }
    }

    private void Enqueue(string method, RequestId? id, JsonElement? parameters)
    {
        if (id is null && method == CancelRequestMethod)
        {
            // Handled on the reading side so it reaches requests that are queued or running.
            if (parameters is { ValueKind: JsonValueKind.Object } element
                && element.TryGetProperty("id", out JsonElement target)
                && ReadId(target) is { } targetId
                && _incoming.TryGetValue(targetId, out CancellationTokenSource? source))
            {
                CancelQuietly(source);
            }

            return;
        }

        CancellationTokenSource? cancellation = null;
        if (id is { } requestId)
        {
            cancellation = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            _incoming[requestId] = cancellation;
        }

        _queue.Writer.TryWrite(new IncomingCall(method, id, parameters, cancellation));
    }

    private void CompleteOutgoing(long id, JsonElement root)
    {
        if (!_outgoing.TryRemove(id, out TaskCompletionSource<JsonElement>? pending))
        {
            return;
        }

        if (root.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.Object)
        {
            int code = error.TryGetProperty("code", out JsonElement c) && c.TryGetInt32(out int parsed) ? parsed : JsonRpcErrorCodes.InternalError;
            string message = error.TryGetProperty("message", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "Error";
            pending.TrySetException(new JsonRpcException(code, message));
            return;
        }

        pending.TrySetResult(root.TryGetProperty("result", out JsonElement result) ? result.Clone() : default);
    }

    private async Task DispatchLoopAsync()
    {
        await foreach (IncomingCall call in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            if (_stop.IsCancellationRequested)
            {
                Forget(call);
                continue;
            }

            Admission admission = Admission?.Invoke(call.Method, call.IsRequest) ?? JsonRpc.Admission.Accept;
            _handlers.TryGetValue(call.Method, out HandlerRegistration? handler);
            if (!call.IsRequest)
            {
                // Unknown notifications (including "$/" ones) and refused ones are dropped, as the spec asks.
                if (admission.Accepted && handler is { IsRequest: false })
                {
                    await RunTracked(ExecuteNotificationAsync(call, handler), handler.Mode);
                }

                continue;
            }

            if (!admission.Accepted)
            {
                JsonRpcError error = admission.Error ?? new JsonRpcError(JsonRpcErrorCodes.InvalidRequest, "Request refused.");
                await FinishRequestAsync(call, JsonRpcEnvelope.Error(call.Id, error.Code, error.Message));
                continue;
            }

            if (handler is not { IsRequest: true })
            {
                await FinishRequestAsync(call, JsonRpcEnvelope.Error(call.Id, JsonRpcErrorCodes.MethodNotFound, $"Method not found: {call.Method}"));
                continue;
            }

            await RunTracked(ExecuteRequestAsync(call, handler), handler.Mode);
        }
    }

    private async Task RunTracked(Task execution, HandlerMode mode)
    {
        if (mode == HandlerMode.Mutating)
        {
            await execution;
            return;
        }

        if (!execution.IsCompleted)
        {
            _running.TryAdd(execution, 0);
            _ = execution.ContinueWith(done => _running.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task ExecuteRequestAsync(IncomingCall call, HandlerRegistration handler)
    {
        CancellationToken cancellationToken = call.Cancellation!.Token;
        byte[] response;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            Action<Utf8JsonWriter> writeResult = await handler.Invoke(call.Params, cancellationToken);
            response = JsonRpcEnvelope.Result(call.Id!.Value, writeResult);
        }
        catch (OperationCanceledException)
        {
            response = JsonRpcEnvelope.Error(call.Id, JsonRpcErrorCodes.RequestCancelled, "The request was cancelled.");
        }
        catch (JsonRpcException exception)
        {
            response = JsonRpcEnvelope.Error(call.Id, exception.Code, Outward(exception.Message));
        }
#pragma warning disable CA1031 // A handler's failure becomes an InternalError response; the server must live on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            response = JsonRpcEnvelope.Error(call.Id, JsonRpcErrorCodes.InternalError, Outward($"Internal error in {call.Method}: {exception.Message}"));
        }

        await FinishRequestAsync(call, response);
    }

    private string Outward(string message) => ErrorMessageFilter?.Invoke(message) ?? message;

    private async Task ExecuteNotificationAsync(IncomingCall call, HandlerRegistration handler)
    {
        try
        {
            await handler.Invoke(call.Params, CancellationToken.None);
        }
#pragma warning disable CA1031 // A notification has nobody to answer; its failure must not stop the connection.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            // JSON-RPC gives notifications no response channel; the host decides how to surface it.
            NotificationFailed?.Invoke(call.Method, exception);
        }
    }

    private async Task FinishRequestAsync(IncomingCall call, byte[] response)
    {
        Forget(call);
        await RespondAsync(response);
    }

    private void Forget(IncomingCall call)
    {
        if (call.Id is { } id && call.Cancellation is { } cancellation)
        {
            _incoming.TryRemove(new KeyValuePair<RequestId, CancellationTokenSource>(id, cancellation));
            cancellation.Dispose();
        }
    }

    private async Task RespondAsync(byte[] message)
    {
        try
        {
            await _writer.WriteAsync(message, CancellationToken.None);
        }
        catch (IOException)
        {
            // The peer has gone away; the response has nowhere to go.
        }
    }
}

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
        : this(input, output, FrameReader.DefaultMaxBodyBytes)
    {
    }

    /// <summary>Creates a connection that reads messages of at most <paramref name="maxMessageBytes"/> bytes; a larger one is
    /// answered with an error and skipped.</summary>
    internal JsonRpcConnection(PipeReader input, PipeWriter output, int maxMessageBytes)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        _input = input;
        _reader = new FrameReader(input, maxMessageBytes);
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

    /// <summary>Told when a message is dropped unanswered because it cannot be read: a notification whose method or
    /// version is not readable text, or a <c>$/cancelRequest</c> whose id is not. Called with the reason, never with the
    /// message's content (it may be anything, private text included).</summary>
    public Action<string>? MessageDropped { get; set; }

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

    /// <summary>Reads a request id the peer sent; returns the error that answers it when it is not an integer or readable text.</summary>
    private static JsonRpcError? ReadId(JsonElement element, out RequestId? id)
    {
        id = null;
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out long number))
        {
            id = new RequestId(number);
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return new JsonRpcError(JsonRpcErrorCodes.InvalidRequest, "The id must be an integer or a string.");
        }

        JsonRpcError? problem = PeerString.TryRead(element, "The id", out string text);
        id = problem is null ? new RequestId(text) : null;
        return problem;
    }

    private static JsonRpcError? CheckVersion(JsonElement root)
    {
        JsonRpcError wrong = new(JsonRpcErrorCodes.InvalidRequest, "The jsonrpc member must be \"2.0\".");
        if (!root.TryGetProperty("jsonrpc", out JsonElement version))
        {
            return wrong;
        }

        return PeerString.TryRead(version, "The jsonrpc member", out string text) ?? (text == "2.0" ? null : wrong);
    }

    private static JsonRpcError? ReadMethod(JsonElement element, out string method)
    {
        JsonRpcError empty = new(JsonRpcErrorCodes.InvalidRequest, "The method must be a non-empty string.");
        method = string.Empty;
        if (element.ValueKind != JsonValueKind.String)
        {
            return empty;
        }

        return PeerString.TryRead(element, "The method", out method) ?? (method.Length == 0 ? empty : null);
    }

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

            try
            {
                return result.Deserialize(resultType);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                // The peer's result is its text: a wrong shape is its error, not ours to throw as anything but a JSON-RPC one.
                throw new JsonRpcException($"The answer to {method} could not be read: {e.Message}", e);
            }
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
                case FrameKind.Oversized:
                    await RespondAsync(JsonRpcEnvelope.Error(null, JsonRpcErrorCodes.InvalidRequest, frame.Problem ?? "The message is too large."));
                    break;
                default:
                    await ReceiveGuardedAsync(frame.Body);
                    break;
            }
        }
    }

    private async Task ReceiveGuardedAsync(ReadOnlyMemory<byte> body)
    {
        try
        {
            await ReceiveAsync(body);
        }
#pragma warning disable CA1031 // No frame may end the connection: one that fails in a way not foreseen below costs only itself.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            MessageDropped?.Invoke($"A message could not be processed ({exception.GetType().Name}).");
            await RespondAsync(JsonRpcEnvelope.Error(null, JsonRpcErrorCodes.InternalError, "Internal error: the message could not be processed."));
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

            if (PeerText.FindUnreadable(body.Span, root) is { } unreadable)
            {
                await RejectUnreadableAsync(root, unreadable);
                return;
            }

            // The id first: every later error is answered with it, and with null when it cannot be read.
            RequestId? id = null;
            if (root.TryGetProperty("id", out JsonElement idElement) && idElement.ValueKind != JsonValueKind.Null)
            {
                if (ReadId(idElement, out id) is { } unreadableId)
                {
                    await RespondAsync(JsonRpcEnvelope.Error(null, unreadableId.Code, unreadableId.Message));
                    return;
                }
            }

            bool hasMethod = root.TryGetProperty("method", out JsonElement methodElement);
            string method = string.Empty;
            JsonRpcError? problem = CheckVersion(root) ?? (hasMethod ? ReadMethod(methodElement, out method) : null);
            if (problem is not null)
            {
                if (hasMethod && id is null)
                {
                    // A notification has no answer, even an error; the reason is reported without the content.
                    MessageDropped?.Invoke($"Dropped a notification that could not be read: {problem.Message}");
                }
                else
                {
                    await RespondAsync(JsonRpcEnvelope.Error(id, problem.Code, problem.Message));
                }

                return;
            }

            if (hasMethod)
            {
                JsonElement? parameters = root.TryGetProperty("params", out JsonElement p) ? p.Clone() : null;
                if (id is null)
                {
                    EnqueueNotification(method, parameters);
                }
                else if (!TryEnqueueRequest(method, id.Value, parameters))
                {
                    await RespondAsync(JsonRpcEnvelope.Error(
                        id, JsonRpcErrorCodes.InvalidRequest, $"The id {id.Value} is already used by a request that has not been answered."));
                }

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

    /// <summary>Answers a message with text that cannot be read, with its id when the id itself can be read. An unreadable
    /// notification is dropped (and reported), and an unreadable answer to one of our requests fails that request.</summary>
    private async Task RejectUnreadableAsync(JsonElement root, JsonRpcError problem)
    {
        RequestId? id = null;
        bool hasId = PeerText.TryGetMember(root, "id"u8, out JsonElement idElement) && idElement.ValueKind != JsonValueKind.Null;
        if (hasId)
        {
            _ = ReadId(idElement, out id);
        }

        if (PeerText.TryGetMember(root, "method"u8, out _))
        {
            if (!hasId)
            {
                MessageDropped?.Invoke($"Dropped a notification that could not be read: {problem.Message}");
                return;
            }
        }
        else if (id is not null && (PeerText.TryGetMember(root, "result"u8, out _) || PeerText.TryGetMember(root, "error"u8, out _)))
        {
            // An answer is never answered back; if it answers one of our requests, that request fails with the reason.
            if (id is { Number: long number } && _outgoing.TryRemove(number, out TaskCompletionSource<JsonElement>? pending))
            {
                pending.TrySetException(new JsonRpcException(problem.Code, $"The answer could not be read: {problem.Message}"));
            }

            return;
        }

        await RespondAsync(JsonRpcEnvelope.Error(id, problem.Code, problem.Message));
    }

    private void EnqueueNotification(string method, JsonElement? parameters)
    {
        if (method == CancelRequestMethod)
        {
            // Handled on the reading side so it reaches requests that are queued or running.
            Cancel(parameters);
            return;
        }

        _queue.Writer.TryWrite(new IncomingCall(method, null, parameters, null));
    }

    /// <summary>Queues a request; false when its id is still in use by one that has not been answered (the answer to
    /// either would be taken for the other's).</summary>
    private bool TryEnqueueRequest(string method, RequestId id, JsonElement? parameters)
    {
        CancellationTokenSource cancellation = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        if (!_incoming.TryAdd(id, cancellation))
        {
            cancellation.Dispose();
            return false;
        }

        _queue.Writer.TryWrite(new IncomingCall(method, id, parameters, cancellation));
        return true;
    }

    private void Cancel(JsonElement? parameters)
    {
        if (parameters is not { ValueKind: JsonValueKind.Object } element || !element.TryGetProperty("id", out JsonElement target))
        {
            return;
        }

        if (ReadId(target, out RequestId? targetId) is { } problem)
        {
            MessageDropped?.Invoke($"Dropped a $/cancelRequest whose id could not be read: {problem.Message}");
            return;
        }

        if (_incoming.TryGetValue(targetId!.Value, out CancellationTokenSource? source))
        {
            CancelQuietly(source);
        }
    }

    private void CompleteOutgoing(long id, JsonElement root)
    {
        if (!_outgoing.TryRemove(id, out TaskCompletionSource<JsonElement>? pending))
        {
            return;
        }

        if (root.TryGetProperty("error", out JsonElement error))
        {
            pending.TrySetException(ReadError(error));
            return;
        }

        pending.TrySetResult(root.TryGetProperty("result", out JsonElement result) ? result.Clone() : default);
    }

    /// <summary>The peer's error object as an exception; every part of it is read defensively, since it is the peer's text.</summary>
    private static JsonRpcException ReadError(JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object)
        {
            return new JsonRpcException(JsonRpcErrorCodes.InternalError, "The peer answered with an error that is not an object.");
        }

        int code = error.TryGetProperty("code", out JsonElement c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out int parsed)
            ? parsed
            : JsonRpcErrorCodes.InternalError;
        string message = "Error";
        if (error.TryGetProperty("message", out JsonElement m) && m.ValueKind == JsonValueKind.String)
        {
            message = PeerString.TryRead(m, "The peer's error message", out string text) is { } unreadable ? unreadable.Message : text;
        }

        return new JsonRpcException(code, message);
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
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            response = JsonRpcEnvelope.Error(call.Id, JsonRpcErrorCodes.RequestCancelled, "The request was cancelled.");
        }
        catch (OperationCanceledException)
        {
            // Not the client's cancel: the server gave the request up itself, and LSP has its own code for that.
            response = JsonRpcEnvelope.Error(call.Id, JsonRpcErrorCodes.ServerCancelled, "The server cancelled the request.");
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

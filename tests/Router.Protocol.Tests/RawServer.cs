using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Router.Protocol;
using Router.Protocol.Framing;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;

namespace Router.Protocol.Tests;

/// <summary>A real server connection with test handlers, driven with raw bytes so framing and error paths can be
/// exercised exactly; its answers are read back frame by frame.</summary>
internal sealed class RawServer : IAsyncDisposable
{
    private readonly Pipe _toServer = new();
    private readonly Pipe _fromServer = new();
    private readonly FrameReader _frames;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(20));

    /// <param name="maxMessageBytes">The server's limit on one message's body.</param>
    public RawServer(Action<JsonRpcConnection>? configure = null, int maxMessageBytes = FrameReader.DefaultMaxBodyBytes)
    {
        Server = new JsonRpcConnection(_toServer.Reader, _fromServer.Writer, maxMessageBytes);
        Server.MessageDropped = Dropped.Enqueue;
        TestHandlers.Register(Server, this);
        configure?.Invoke(Server);
        _frames = new FrameReader(_fromServer.Reader);
        Running = Server.RunAsync(CancellationToken.None);
    }

    public JsonRpcConnection Server { get; }

    public Task Running { get; }

    public TaskCompletionSource WaitStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The reasons the server gave for messages it dropped unanswered.</summary>
    public ConcurrentQueue<string> Dropped { get; } = new();

    public CancellationToken Timeout => _timeout.Token;

    public static string Frame(string json) => $"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}";

    public async Task WriteRawAsync(string raw)
    {
        await _toServer.Writer.WriteAsync(Encoding.UTF8.GetBytes(raw), Timeout);
    }

    public Task SendAsync(string json) => WriteRawAsync(Frame(json));

    /// <summary>Sends a body that need not be valid UTF-8, framed with its byte length.</summary>
    public async Task SendBytesAsync(byte[] body)
    {
        await _toServer.Writer.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), Timeout);
        await _toServer.Writer.WriteAsync(body, Timeout);
    }

    public async Task WriteBytesAsync(byte[] raw) => await _toServer.Writer.WriteAsync(raw, Timeout);

    public async Task<JsonElement> ReadAsync()
    {
        Frame frame = await _frames.ReadAsync(Timeout);
        Assert.Equal(FrameKind.Message, frame.Kind);
        using JsonDocument document = JsonDocument.Parse(frame.Body);
        return document.RootElement.Clone();
    }

    public async Task EndInputAsync() => await _toServer.Writer.CompleteAsync();

    public async ValueTask DisposeAsync()
    {
        await _toServer.Writer.CompleteAsync();
        await Running.WaitAsync(Timeout);
        await Server.DisposeAsync();
        _timeout.Dispose();
    }
}

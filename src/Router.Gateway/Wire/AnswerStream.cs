using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace Router.Gateway.Wire;

/// <summary>One streamed reply in an API's framing: server-sent events (OpenAI, Anthropic) or JSON lines (Ollama). Each
/// event is flushed as it is written, so a token reaches the client when it reaches the gateway.</summary>
internal abstract class AnswerStream : IDisposable
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventPrefix = "event: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\n"u8.ToArray();
    private readonly HttpResponse _response;
    private readonly Utf8JsonWriter _json;

    protected AnswerStream(HttpResponse response, AnswerHead head)
    {
        _response = response;
        Head = head;
        _json = new Utf8JsonWriter(response.BodyWriter);
    }

    protected AnswerHead Head { get; }

    /// <summary>Whatever the API sends before the first text (a role, a message_start).</summary>
    public abstract ValueTask StartAsync(CancellationToken cancellationToken);

    public abstract ValueTask TextAsync(string text, CancellationToken cancellationToken);

    /// <summary>The tools the model asks the client to call, sent once after the text and before <see cref="EndAsync"/>.</summary>
    public virtual ValueTask ToolCallsAsync(IReadOnlyList<FunctionCallContent> calls, CancellationToken cancellationToken) =>
        throw new GatewayException(GatewayErrorKind.BadRequest, "this API shape does not take tool calls through the gateway");

    public abstract ValueTask EndAsync(AnswerTail tail, CancellationToken cancellationToken);

    /// <summary>Ends the stream with the API's error event: the text sent so far is all there will be.</summary>
    public abstract ValueTask FailAsync(string message, CancellationToken cancellationToken);

    /// <summary>One server-sent event: an optional event name, then the JSON <paramref name="write"/> makes as its data.</summary>
    protected async ValueTask SendEventAsync(string? name, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        if (name is not null)
        {
            _response.BodyWriter.Write(EventPrefix);
            _response.BodyWriter.Write(Encoding.UTF8.GetBytes(name));
            _response.BodyWriter.Write(LineEnd);
        }

        _response.BodyWriter.Write(DataPrefix);
        WriteJson(write);
        _response.BodyWriter.Write(EventEnd);
        await _response.BodyWriter.FlushAsync(cancellationToken);
    }

    /// <summary>A server-sent event whose data is not JSON (OpenAI's closing <c>[DONE]</c>).</summary>
    protected async ValueTask SendRawEventAsync(string data, CancellationToken cancellationToken)
    {
        _response.BodyWriter.Write(DataPrefix);
        _response.BodyWriter.Write(Encoding.UTF8.GetBytes(data));
        _response.BodyWriter.Write(EventEnd);
        await _response.BodyWriter.FlushAsync(cancellationToken);
    }

    /// <summary>One JSON line.</summary>
    protected async ValueTask SendLineAsync(Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        WriteJson(write);
        _response.BodyWriter.Write(LineEnd);
        await _response.BodyWriter.FlushAsync(cancellationToken);
    }

    public void Dispose() => _json.Dispose();

    private void WriteJson(Action<Utf8JsonWriter> write)
    {
        _json.Reset(_response.BodyWriter);
        write(_json);
        _json.Flush();
    }
}

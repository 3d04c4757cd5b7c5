using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Router.Gateway.Wire;

/// <summary>What OpenAI's two streams share: each event's id, object, created and model; after the last text a finishing
/// event, a usage event when the client asked for one (<c>stream_options.include_usage</c>), then <c>[DONE]</c>; and the
/// error event that ends a stream early (the openai SDKs raise an APIError for a data event holding "error").</summary>
internal abstract class OpenAiStream(HttpResponse response, AnswerHead head, bool includeUsage) : AnswerStream(response, head)
{
    /// <summary>"chat.completion.chunk" or "text_completion".</summary>
    protected abstract string ObjectName { get; }

    /// <summary>The event that says why the answer ended.</summary>
    protected abstract void WriteFinish(Utf8JsonWriter json, string finishReason);

    public override async ValueTask EndAsync(AnswerTail tail, CancellationToken cancellationToken)
    {
        await SendEventAsync(null, json => WriteFinish(json, OpenAiChatDialect.OpenAiFinish(tail)), cancellationToken);
        if (includeUsage)
        {
            await SendEventAsync(null, json =>
            {
                Begin(json);
                json.WriteStartArray("choices");
                json.WriteEndArray();
                OpenAiChatDialect.WriteUsage(json, tail);
                json.WriteEndObject();
            }, cancellationToken);
        }

        await SendRawEventAsync("[DONE]", cancellationToken);
    }

    public override ValueTask FailAsync(string message, CancellationToken cancellationToken) =>
        SendEventAsync(null, json =>
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteString("message", message);
            json.WriteString("type", "server_error");
            json.WriteString("code", "stream_interrupted");
            json.WriteEndObject();
            json.WriteEndObject();
        }, cancellationToken);

    /// <summary>Opens an event's object with the fields every event has.</summary>
    protected void Begin(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("id", Head.Id);
        json.WriteString("object", ObjectName);
        json.WriteNumber("created", Head.Created.ToUnixTimeSeconds());
        json.WriteString("model", Head.Model);
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Router.Gateway.Wire;

/// <summary>A streamed chat completion: <c>chat.completion.chunk</c> events, a usage chunk when asked for, then <c>[DONE]</c>.</summary>
internal sealed class OpenAiChatStream(HttpResponse response, AnswerHead head, bool includeUsage) : AnswerStream(response, head)
{
    public override ValueTask StartAsync(CancellationToken cancellationToken) =>
        SendEventAsync(null, json => Chunk(json, role: true, text: "", finish: null), cancellationToken);

    public override ValueTask TextAsync(string text, CancellationToken cancellationToken) =>
        SendEventAsync(null, json => Chunk(json, role: false, text, finish: null), cancellationToken);

    public override async ValueTask EndAsync(AnswerTail tail, CancellationToken cancellationToken)
    {
        await SendEventAsync(null, json => Chunk(json, role: false, text: null, OpenAiChatDialect.OpenAiFinish(tail)), cancellationToken);
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
        SendEventAsync(null, json => OpenAiChatDialect.WriteStreamError(json, message), cancellationToken);

    private void Begin(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("id", Head.Id);
        json.WriteString("object", "chat.completion.chunk");
        json.WriteNumber("created", Head.Created.ToUnixTimeSeconds());
        json.WriteString("model", Head.Model);
    }

    private void Chunk(Utf8JsonWriter json, bool role, string? text, string? finish)
    {
        Begin(json);
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        json.WriteStartObject("delta");
        if (role)
        {
            json.WriteString("role", "assistant");
        }

        if (text is not null)
        {
            json.WriteString("content", text);
        }

        json.WriteEndObject();
        json.WriteNull("logprobs");
        if (finish is null)
        {
            json.WriteNull("finish_reason");
        }
        else
        {
            json.WriteString("finish_reason", finish);
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Router.Gateway.Wire;

/// <summary>A streamed <c>text_completion</c>: one event per piece of text, a finishing event, a usage event when asked
/// for, then <c>[DONE]</c>.</summary>
internal sealed class OpenAiCompletionStream(HttpResponse response, AnswerHead head, bool includeUsage) : AnswerStream(response, head)
{
    public override ValueTask StartAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public override ValueTask TextAsync(string text, CancellationToken cancellationToken) =>
        SendEventAsync(null, json => Event(json, text, null), cancellationToken);

    public override async ValueTask EndAsync(AnswerTail tail, CancellationToken cancellationToken)
    {
        await SendEventAsync(null, json => Event(json, "", OpenAiChatDialect.OpenAiFinish(tail)), cancellationToken);
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
        json.WriteString("object", "text_completion");
        json.WriteNumber("created", Head.Created.ToUnixTimeSeconds());
        json.WriteString("model", Head.Model);
    }

    private void Event(Utf8JsonWriter json, string text, string? finish)
    {
        Begin(json);
        json.WriteStartArray("choices");
        OpenAiCompletionDialect.WriteChoice(json, text, finish);
        json.WriteEndArray();
        json.WriteEndObject();
    }
}

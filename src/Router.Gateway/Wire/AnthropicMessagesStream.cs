using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Router.Gateway.Wire;

/// <summary>A streamed message: message_start, one text content block (start, deltas, stop), message_delta with the stop
/// reason and usage, message_stop; an <c>error</c> event ends it early.</summary>
internal sealed class AnthropicMessagesStream(HttpResponse response, AnswerHead head) : AnswerStream(response, head)
{
    public override async ValueTask StartAsync(CancellationToken cancellationToken)
    {
        await SendEventAsync("message_start", json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "message_start");
            json.WritePropertyName("message");
            AnthropicMessagesDialect.WriteMessage(json, Head, null, null);
            json.WriteEndObject();
        }, cancellationToken);
        await SendEventAsync("content_block_start", json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "content_block_start");
            json.WriteNumber("index", 0);
            json.WriteStartObject("content_block");
            json.WriteString("type", "text");
            json.WriteString("text", "");
            json.WriteEndObject();
            json.WriteEndObject();
        }, cancellationToken);
    }

    public override ValueTask TextAsync(string text, CancellationToken cancellationToken) =>
        SendEventAsync("content_block_delta", json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "content_block_delta");
            json.WriteNumber("index", 0);
            json.WriteStartObject("delta");
            json.WriteString("type", "text_delta");
            json.WriteString("text", text);
            json.WriteEndObject();
            json.WriteEndObject();
        }, cancellationToken);

    public override async ValueTask EndAsync(AnswerTail tail, CancellationToken cancellationToken)
    {
        await SendEventAsync("content_block_stop", json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "content_block_stop");
            json.WriteNumber("index", 0);
            json.WriteEndObject();
        }, cancellationToken);
        await SendEventAsync("message_delta", json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "message_delta");
            json.WriteStartObject("delta");
            json.WriteString("stop_reason", AnthropicMessagesDialect.StopReason(tail));
            json.WriteNull("stop_sequence");
            json.WriteEndObject();
            json.WriteStartObject("usage");
            json.WriteNumber("output_tokens", tail.OutputTokens ?? 0);
            json.WriteEndObject();
            json.WriteEndObject();
        }, cancellationToken);
        await SendEventAsync("message_stop", json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "message_stop");
            json.WriteEndObject();
        }, cancellationToken);
    }

    public override ValueTask FailAsync(string message, CancellationToken cancellationToken) =>
        SendEventAsync("error", json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "error");
            json.WriteStartObject("error");
            json.WriteString("type", "api_error");
            json.WriteString("message", message);
            json.WriteEndObject();
            json.WriteEndObject();
        }, cancellationToken);
}

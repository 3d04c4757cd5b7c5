using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace Router.Gateway.Wire;

/// <summary>A streamed chat completion: <c>chat.completion.chunk</c> events, the first with the assistant's role.</summary>
internal sealed class OpenAiChatStream(HttpResponse response, AnswerHead head, bool includeUsage) : OpenAiStream(response, head, includeUsage)
{
    protected override string ObjectName => "chat.completion.chunk";

    public override ValueTask StartAsync(CancellationToken cancellationToken) =>
        SendEventAsync(null, json => Chunk(json, role: true, text: "", finish: null), cancellationToken);

    public override ValueTask TextAsync(string text, CancellationToken cancellationToken) =>
        SendEventAsync(null, json => Chunk(json, role: false, text, finish: null), cancellationToken);

    /// <summary>Every call in one chunk, each whole (OpenAI's clients join a call's pieces by index; one piece is enough).</summary>
    public override ValueTask ToolCallsAsync(IReadOnlyList<FunctionCallContent> calls, CancellationToken cancellationToken) =>
        SendEventAsync(null, json =>
        {
            Begin(json);
            json.WriteStartArray("choices");
            json.WriteStartObject();
            json.WriteNumber("index", 0);
            json.WriteStartObject("delta");
            json.WriteStartArray("tool_calls");
            for (int i = 0; i < calls.Count; i++)
            {
                OpenAiChatDialect.WriteToolCall(json, Head, calls[i], i, withIndex: true);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteNull("logprobs");
            json.WriteNull("finish_reason");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }, cancellationToken);

    protected override void WriteFinish(Utf8JsonWriter json, string finishReason) => Chunk(json, role: false, text: null, finishReason);

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
        OpenAiChatDialect.WriteFinishReason(json, finish);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}

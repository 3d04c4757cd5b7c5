using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace Router.Gateway.Wire;

/// <summary>Anthropic's <c>POST /v1/messages</c>: text, base64 images, the client's tools and the tool loop's tool_use and
/// tool_result blocks in; text and tool_use blocks out.</summary>
internal sealed class AnthropicMessagesDialect : ApiDialect
{
    public override ApiFamily Family => ApiFamily.Anthropic;

    public override GatewayAsk Read(JsonElement body)
    {
        JsonFields.Object(body);
        List<ChatMessage> messages = [];
        if (JsonFields.Element(body, "system") is { } system)
        {
            messages.Add(new ChatMessage(ChatRole.System, JsonFields.Content(system, "system")));
        }

        messages.AddRange(AnthropicTurnReader.Read(body));
        ChatOptions options = new()
        {
            MaxOutputTokens = JsonFields.Count(body, "max_tokens"),
            Temperature = (float?)JsonFields.Number(body, "temperature"),
            StopSequences = JsonFields.Strings(body, "stop_sequences"),
            AdditionalProperties = [],
        };
        AnthropicToolReader.Read(body, options);
        return new GatewayAsk(JsonFields.String(body, "model") ?? "", JsonFields.Bool(body, "stream") ?? false, messages, options);
    }

    public override AnswerStream OpenStream(HttpResponse response, AnswerHead head, GatewayAsk ask) => new AnthropicMessagesStream(response, head);

    public override void WriteWhole(Utf8JsonWriter json, AnswerHead head, string text, AnswerTail tail)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(tail);
        WriteMessage(json, head, tail, text);
    }

    /// <summary>A message object: the whole reply (a text block, unless the answer is only tool calls, then a tool_use block per
    /// call), or with no tail the <c>message_start</c> event's, with no content yet.</summary>
    internal static void WriteMessage(Utf8JsonWriter json, AnswerHead head, AnswerTail? tail, string? text)
    {
        json.WriteStartObject();
        json.WriteString("id", head.Id);
        json.WriteString("type", "message");
        json.WriteString("role", "assistant");
        json.WriteString("model", head.Model);
        json.WriteStartArray("content");
        IReadOnlyList<FunctionCallContent> calls = tail?.ToolCalls ?? [];
        if (text is not null && (text.Length > 0 || calls.Count == 0))
        {
            json.WriteStartObject();
            json.WriteString("type", "text");
            json.WriteString("text", text);
            json.WriteEndObject();
        }

        for (int i = 0; i < calls.Count; i++)
        {
            json.WriteStartObject();
            WriteToolUse(json, calls[i], i);
            json.WritePropertyName("input");
            ToolCallJson.WriteArguments(json, calls[i].Arguments);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (tail is null)
        {
            json.WriteNull("stop_reason");
        }
        else
        {
            json.WriteString("stop_reason", StopReason(tail, calls.Count > 0));
        }

        json.WriteNull("stop_sequence");
        json.WriteStartObject("usage");
        json.WriteNumber("input_tokens", tail?.InputTokens ?? 0);
        json.WriteNumber("output_tokens", tail?.OutputTokens ?? 0);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>A tool_use block's type, id and name (its input follows whole, or in a stream as deltas).</summary>
    internal static void WriteToolUse(Utf8JsonWriter json, FunctionCallContent call, int index)
    {
        json.WriteString("type", "tool_use");
        json.WriteString("id", ToolCallJson.CallId(call, index));
        json.WriteString("name", call.Name);
    }

    internal static string StopReason(AnswerTail tail, bool calledTools) =>
        calledTools ? "tool_use" : tail.CutByLength ? "max_tokens" : "end_turn";
}

using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace Router.Gateway.Wire;

/// <summary>Anthropic's <c>POST /v1/messages</c>.</summary>
internal sealed class AnthropicMessagesDialect : ApiDialect
{
    public override ApiFamily Family => ApiFamily.Anthropic;

    public override GatewayAsk Read(JsonElement body)
    {
        JsonFields.Object(body);
        JsonFields.RefuseTools(body, "tools");
        List<ChatMessage> messages = [];
        if (JsonFields.Element(body, "system") is { } system)
        {
            messages.Add(new ChatMessage(ChatRole.System, JsonFields.Content(system, "system")));
        }

        messages.AddRange(JsonFields.Messages(body, static (role, at) => role switch
        {
            "user" => ChatRole.User,
            "assistant" => ChatRole.Assistant,
            _ => throw new GatewayException(GatewayErrorKind.BadRequest, $"{at} must be user or assistant"),
        }));

        ChatOptions options = new()
        {
            MaxOutputTokens = JsonFields.Count(body, "max_tokens"),
            Temperature = (float?)JsonFields.Number(body, "temperature"),
            StopSequences = JsonFields.Strings(body, "stop_sequences"),
            AdditionalProperties = [],
        };
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

    /// <summary>A message object: the whole reply, or with no text the <c>message_start</c> event's.</summary>
    internal static void WriteMessage(Utf8JsonWriter json, AnswerHead head, AnswerTail? tail, string? text)
    {
        json.WriteStartObject();
        json.WriteString("id", head.Id);
        json.WriteString("type", "message");
        json.WriteString("role", "assistant");
        json.WriteString("model", head.Model);
        json.WriteStartArray("content");
        if (text is not null)
        {
            json.WriteStartObject();
            json.WriteString("type", "text");
            json.WriteString("text", text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (tail is null)
        {
            json.WriteNull("stop_reason");
        }
        else
        {
            json.WriteString("stop_reason", StopReason(tail));
        }

        json.WriteNull("stop_sequence");
        json.WriteStartObject("usage");
        json.WriteNumber("input_tokens", tail?.InputTokens ?? 0);
        json.WriteNumber("output_tokens", tail?.OutputTokens ?? 0);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    internal static string StopReason(AnswerTail tail) => tail.CutByLength ? "max_tokens" : "end_turn";
}

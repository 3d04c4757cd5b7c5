using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace Router.Gateway.Wire;

/// <summary>OpenAI's <c>POST /v1/chat/completions</c>.</summary>
internal sealed class OpenAiChatDialect : ApiDialect
{
    public override ApiFamily Family => ApiFamily.OpenAi;

    public override GatewayAsk Read(JsonElement body)
    {
        JsonFields.Object(body);
        JsonFields.RefuseTools(body, "tools", "functions");
        List<ChatMessage> messages = JsonFields.Messages(body, JsonFields.Role);

        ChatOptions options = new()
        {
            MaxOutputTokens = JsonFields.Count(body, "max_completion_tokens") ?? JsonFields.Count(body, "max_tokens"),
            Temperature = (float?)JsonFields.Number(body, "temperature"),
            StopSequences = JsonFields.Strings(body, "stop"),
            AdditionalProperties = [],
        };
        return new GatewayAsk(JsonFields.String(body, "model") ?? "", JsonFields.Bool(body, "stream") ?? false, messages, options, IncludeUsage(body));
    }

    public override AnswerStream OpenStream(HttpResponse response, AnswerHead head, GatewayAsk ask) =>
        new OpenAiChatStream(response, head, ask.IncludeUsage);

    public override void WriteWhole(Utf8JsonWriter json, AnswerHead head, string text, AnswerTail tail)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(tail);
        json.WriteStartObject();
        json.WriteString("id", head.Id);
        json.WriteString("object", "chat.completion");
        json.WriteNumber("created", head.Created.ToUnixTimeSeconds());
        json.WriteString("model", head.Model);
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        json.WriteStartObject("message");
        json.WriteString("role", "assistant");
        json.WriteString("content", text);
        json.WriteEndObject();
        json.WriteNull("logprobs");
        json.WriteString("finish_reason", OpenAiFinish(tail));
        json.WriteEndObject();
        json.WriteEndArray();
        WriteUsage(json, tail);
        json.WriteEndObject();
    }

    internal static string OpenAiFinish(AnswerTail tail) => tail.CutByLength ? "length" : "stop";

    /// <summary>OpenAI's <c>stream_options.include_usage</c>: the stream ends with a usage event.</summary>
    internal static bool IncludeUsage(JsonElement body) =>
        JsonFields.Element(body, "stream_options") is { ValueKind: JsonValueKind.Object } streamOptions
        && JsonFields.Bool(streamOptions, "include_usage") == true;

    internal static void WriteFinishReason(Utf8JsonWriter json, string? finish)
    {
        if (finish is null)
        {
            json.WriteNull("finish_reason");
        }
        else
        {
            json.WriteString("finish_reason", finish);
        }
    }

    internal static void WriteUsage(Utf8JsonWriter json, AnswerTail tail)
    {
        long input = tail.InputTokens ?? 0;
        long output = tail.OutputTokens ?? 0;
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", input);
        json.WriteNumber("completion_tokens", output);
        json.WriteNumber("total_tokens", input + output);
        json.WriteEndObject();
    }
}

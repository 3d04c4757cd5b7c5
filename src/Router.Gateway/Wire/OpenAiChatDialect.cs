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
        if (JsonFields.Element(body, "messages") is not { ValueKind: JsonValueKind.Array } list)
        {
            throw new GatewayException(GatewayErrorKind.BadRequest, "'messages' must be a list of messages") { Code = "invalid_field" };
        }

        List<ChatMessage> messages = [];
        int index = 0;
        foreach (JsonElement message in list.EnumerateArray())
        {
            string at = string.Create(CultureInfo.InvariantCulture, $"messages[{index++}]");
            if (message.ValueKind != JsonValueKind.Object)
            {
                throw new GatewayException(GatewayErrorKind.BadRequest, $"{at} must be an object with role and content") { Code = "invalid_field" };
            }

            ChatRole role = JsonFields.Role(JsonFields.String(message, "role"), at + ".role");
            string content = JsonFields.Content(JsonFields.Element(message, "content") ?? default, at + ".content");
            messages.Add(new ChatMessage(role, content));
        }

        if (messages.Count == 0)
        {
            throw new GatewayException(GatewayErrorKind.BadRequest, "'messages' must hold at least one message") { Code = "invalid_field" };
        }

        ChatOptions options = new()
        {
            MaxOutputTokens = JsonFields.Count(body, "max_completion_tokens") ?? JsonFields.Count(body, "max_tokens"),
            Temperature = (float?)JsonFields.Number(body, "temperature"),
            StopSequences = JsonFields.Strings(body, "stop"),
            AdditionalProperties = [],
        };
        bool includeUsage = JsonFields.Element(body, "stream_options") is { ValueKind: JsonValueKind.Object } streamOptions
            && JsonFields.Bool(streamOptions, "include_usage") == true;
        return new GatewayAsk(JsonFields.String(body, "model") ?? "", JsonFields.Bool(body, "stream") ?? false, messages, options, includeUsage);
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

    /// <summary>The event that ends a stream on an error; the openai SDKs raise an APIError for a data event holding "error".</summary>
    internal static void WriteStreamError(Utf8JsonWriter json, string message)
    {
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteString("message", message);
        json.WriteString("type", "server_error");
        json.WriteString("code", "stream_interrupted");
        json.WriteEndObject();
        json.WriteEndObject();
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

using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Router.Runtime.Chat;

namespace Router.Gateway.Wire;

/// <summary>OpenAI's <c>POST /v1/completions</c>: the prompt is the code before the cursor and <c>suffix</c> the code after it,
/// routed as an editor's inline completion (fill in the middle).</summary>
internal sealed class OpenAiCompletionDialect : ApiDialect
{
    public override ApiFamily Family => ApiFamily.OpenAi;

    public override GatewayAsk Read(JsonElement body)
    {
        JsonFields.Object(body);
        string prompt = JsonFields.Element(body, "prompt") switch
        {
            null => throw new GatewayException(GatewayErrorKind.BadRequest, "'prompt' is required") { Code = "invalid_field" },
            { ValueKind: JsonValueKind.Array } many when many.GetArrayLength() == 1 => JsonFields.Content(many[0], "prompt[0]"),
            { ValueKind: JsonValueKind.Array } => throw new GatewayException(GatewayErrorKind.BadRequest, "'prompt' must be one string; several prompts in one request are not routed")
            {
                Code = "invalid_field",
            },
            { } one => JsonFields.Content(one, "prompt"),
        };
        ChatOptions options = new()
        {
            MaxOutputTokens = JsonFields.Count(body, "max_tokens"),
            Temperature = (float?)JsonFields.Number(body, "temperature"),
            StopSequences = JsonFields.Strings(body, "stop"),
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                [RoutingChatKeys.Kind] = "completion",
                [RoutingChatKeys.Suffix] = JsonFields.String(body, "suffix"),
            },
        };
        return new GatewayAsk(
            JsonFields.String(body, "model") ?? "", JsonFields.Bool(body, "stream") ?? false, [new ChatMessage(ChatRole.User, prompt)], options,
            OpenAiChatDialect.IncludeUsage(body));
    }

    public override AnswerStream OpenStream(HttpResponse response, AnswerHead head, GatewayAsk ask) =>
        new OpenAiCompletionStream(response, head, ask.IncludeUsage);

    public override void WriteWhole(Utf8JsonWriter json, AnswerHead head, string text, AnswerTail tail)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(tail);
        json.WriteStartObject();
        json.WriteString("id", head.Id);
        json.WriteString("object", "text_completion");
        json.WriteNumber("created", head.Created.ToUnixTimeSeconds());
        json.WriteString("model", head.Model);
        json.WriteStartArray("choices");
        WriteChoice(json, text, OpenAiChatDialect.OpenAiFinish(tail));
        json.WriteEndArray();
        OpenAiChatDialect.WriteUsage(json, tail);
        json.WriteEndObject();
    }

    internal static void WriteChoice(Utf8JsonWriter json, string text, string? finish)
    {
        json.WriteStartObject();
        json.WriteString("text", text);
        json.WriteNumber("index", 0);
        json.WriteNull("logprobs");
        OpenAiChatDialect.WriteFinishReason(json, finish);
        json.WriteEndObject();
    }
}

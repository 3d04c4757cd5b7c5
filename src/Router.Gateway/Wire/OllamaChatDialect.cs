using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace Router.Gateway.Wire;

/// <summary>Ollama's <c>POST /api/chat</c>: streams by default, as Ollama does.</summary>
internal sealed class OllamaChatDialect : ApiDialect
{
    public override ApiFamily Family => ApiFamily.Ollama;

    public override bool RequiresJsonContentType => false;

    public override string StreamContentType => "application/x-ndjson";

    public override GatewayAsk Read(JsonElement body)
    {
        JsonFields.Object(body);
        JsonFields.RefuseTools(body, "tools");
        List<ChatMessage> messages = JsonFields.Messages(body, JsonFields.Role, static (message, at) =>
        {
            if (JsonFields.Element(message, "images") is { ValueKind: JsonValueKind.Array } images && images.GetArrayLength() > 0)
            {
                throw new GatewayException(GatewayErrorKind.BadRequest, $"{at}.images: only text is routed; this gateway does not pass images to models");
            }
        });

        return new GatewayAsk(OllamaFields.Model(body), JsonFields.Bool(body, "stream") ?? true, messages, OllamaFields.Options(body));
    }

    public override AnswerStream OpenStream(HttpResponse response, AnswerHead head, GatewayAsk ask) => new OllamaStream(response, head, chat: true);

    public override void WriteWhole(Utf8JsonWriter json, AnswerHead head, string text, AnswerTail tail)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(tail);
        OllamaFields.Begin(json, head);
        WriteMessage(json, text);
        OllamaFields.End(json, head, tail);
        json.WriteEndObject();
    }

    internal static void WriteMessage(Utf8JsonWriter json, string text)
    {
        json.WriteStartObject("message");
        json.WriteString("role", "assistant");
        json.WriteString("content", text);
        json.WriteEndObject();
    }
}

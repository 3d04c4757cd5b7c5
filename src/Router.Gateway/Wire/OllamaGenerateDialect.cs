using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Router.Runtime.Chat;

namespace Router.Gateway.Wire;

/// <summary>Ollama's <c>POST /api/generate</c>: with <c>suffix</c> an inline completion (fill in the middle, the code tier);
/// without, the prompt is routed by its content as a chat is, with <c>system</c> as its instructions. Its base64 <c>images</c>
/// go with the prompt.</summary>
internal sealed class OllamaGenerateDialect : ApiDialect
{
    public override ApiFamily Family => ApiFamily.Ollama;

    public override bool RequiresJsonContentType => false;

    public override string StreamContentType => "application/x-ndjson";

    public override GatewayAsk Read(JsonElement body)
    {
        JsonFields.Object(body);
        string prompt = JsonFields.String(body, "prompt") ?? "";
        string? suffix = JsonFields.String(body, "suffix");
        ChatOptions options = OllamaFields.Options(body);
        List<ChatMessage> messages = [];
        if (!string.IsNullOrEmpty(suffix) || JsonFields.Bool(body, "raw") == true)
        {
            options.AdditionalProperties![RoutingChatKeys.Kind] = "completion";
            options.AdditionalProperties[RoutingChatKeys.Suffix] = suffix;
        }
        else if (JsonFields.String(body, "system") is { Length: > 0 } system)
        {
            messages.Add(new ChatMessage(ChatRole.System, system));
        }

        List<AIContent> asked = [new TextContent(prompt), .. InlineImage.Ollama(body, "images")];
        messages.Add(new ChatMessage(ChatRole.User, asked));
        return new GatewayAsk(OllamaFields.Model(body), JsonFields.Bool(body, "stream") ?? true, messages, options);
    }

    public override AnswerStream OpenStream(HttpResponse response, AnswerHead head, GatewayAsk ask) => new OllamaStream(response, head, chat: false);

    public override void WriteWhole(Utf8JsonWriter json, AnswerHead head, string text, AnswerTail tail)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(tail);
        OllamaFields.Begin(json, head);
        json.WriteString("response", text);
        OllamaFields.End(json, head, tail);
        json.WriteEndObject();
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace Router.Gateway.Wire;

/// <summary>Ollama's <c>POST /api/chat</c>: streams by default, as Ollama does; takes images, tools and the tool loop's
/// messages, and answers tool calls in <c>message.tool_calls</c>.</summary>
internal sealed class OllamaChatDialect : ApiDialect
{
    public override ApiFamily Family => ApiFamily.Ollama;

    public override bool RequiresJsonContentType => false;

    public override string StreamContentType => "application/x-ndjson";

    public override GatewayAsk Read(JsonElement body)
    {
        JsonFields.Object(body);
        List<ChatMessage> messages = OllamaChatReader.Messages(body);
        ChatOptions options = OllamaFields.Options(body);
        options.Tools = OllamaChatReader.Tools(body);
        return new GatewayAsk(OllamaFields.Model(body), JsonFields.Bool(body, "stream") ?? true, messages, options);
    }

    public override AnswerStream OpenStream(HttpResponse response, AnswerHead head, GatewayAsk ask) => new OllamaStream(response, head, chat: true);

    public override void WriteWhole(Utf8JsonWriter json, AnswerHead head, string text, AnswerTail tail)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(tail);
        OllamaFields.Begin(json, head);
        WriteMessage(json, text, tail.ToolCalls);
        OllamaFields.End(json, head, tail);
        json.WriteEndObject();
    }

    /// <summary>The reply's <c>message</c>, with <c>tool_calls</c> when the model called tools (each with an id, which Ollama's
    /// newer replies carry too, and its arguments as an object).</summary>
    internal static void WriteMessage(Utf8JsonWriter json, string text, IReadOnlyList<FunctionCallContent>? calls = null)
    {
        json.WriteStartObject("message");
        json.WriteString("role", "assistant");
        json.WriteString("content", text);
        if (calls is { Count: > 0 })
        {
            json.WriteStartArray("tool_calls");
            for (int i = 0; i < calls.Count; i++)
            {
                json.WriteStartObject();
                json.WriteString("id", ToolCallJson.CallId(calls[i], i));
                json.WriteStartObject("function");
                json.WriteNumber("index", i);
                json.WriteString("name", calls[i].Name);
                json.WritePropertyName("arguments");
                ToolCallJson.WriteArguments(json, calls[i].Arguments);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}

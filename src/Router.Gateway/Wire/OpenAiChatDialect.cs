using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Router.Backends.Providers;

namespace Router.Gateway.Wire;

/// <summary>OpenAI's <c>POST /v1/chat/completions</c>.</summary>
internal sealed class OpenAiChatDialect : ApiDialect
{
    public override ApiFamily Family => ApiFamily.OpenAi;

    public override GatewayAsk Read(JsonElement body)
    {
        JsonFields.Object(body);
        JsonFields.RefuseTools(body, "functions");
        if (JsonFields.Element(body, "function_call") is not null)
        {
            throw new GatewayException(GatewayErrorKind.BadRequest, "'function_call' belongs to the legacy functions API; send 'tools' and 'tool_choice'")
            {
                Code = "unsupported_tools",
            };
        }

        List<ChatMessage> messages = OpenAiChatMessages.Read(body);
        List<AITool>? tools = OpenAiChatMessages.Tools(body);
        ChatToolMode? toolChoice = OpenAiChatMessages.ToolChoice(body);

        ChatOptions options = new()
        {
            MaxOutputTokens = JsonFields.Count(body, "max_completion_tokens") ?? JsonFields.Count(body, "max_tokens"),
            Temperature = (float?)JsonFields.Number(body, "temperature"),
            StopSequences = JsonFields.Strings(body, "stop"),
            Tools = tools,
            ToolMode = tools is null ? null : toolChoice,
            AllowMultipleToolCalls = tools is null ? null : JsonFields.Bool(body, "parallel_tool_calls"),
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
        if (text.Length == 0 && tail.ToolCalls.Count > 0)
        {
            json.WriteNull("content");
        }
        else
        {
            json.WriteString("content", text);
        }

        if (tail.ToolCalls.Count > 0)
        {
            json.WriteStartArray("tool_calls");
            for (int i = 0; i < tail.ToolCalls.Count; i++)
            {
                WriteToolCall(json, head, tail.ToolCalls[i], i, withIndex: false);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteNull("logprobs");
        json.WriteString("finish_reason", OpenAiFinish(tail));
        json.WriteEndObject();
        json.WriteEndArray();
        WriteUsage(json, tail);
        json.WriteEndObject();
    }

    internal static string OpenAiFinish(AnswerTail tail) => tail.CutByLength ? "length" : tail.ToolCalls.Count > 0 ? "tool_calls" : "stop";

    /// <summary>One tool call as OpenAI sends it: an id (made from the answer's when the host gave none), and the function's
    /// name and arguments, the arguments as a string holding a JSON object. A streamed call also has its index.</summary>
    internal static void WriteToolCall(Utf8JsonWriter json, AnswerHead head, FunctionCallContent call, int index, bool withIndex)
    {
        json.WriteStartObject();
        if (withIndex)
        {
            json.WriteNumber("index", index);
        }

        json.WriteString("id", string.IsNullOrEmpty(call.CallId) ? string.Create(CultureInfo.InvariantCulture, $"call_{head.Id}_{index}") : call.CallId);
        json.WriteString("type", "function");
        json.WriteStartObject("function");
        json.WriteString("name", call.Name);
        json.WriteString("arguments", call.Arguments is { Count: > 0 } arguments ? ToolResultText.Json(arguments) : "{}");
        json.WriteEndObject();
        json.WriteEndObject();
    }

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

using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Router.Gateway.Wire;

/// <summary>Ollama's chat <c>messages</c> and <c>tools</c> as the router's conversation and options: a message's base64
/// <c>images</c> (media type read from their bytes), an assistant's <c>tool_calls</c>, and <c>role: tool</c> results. Ollama's
/// calls carry no id, so each gets one from its place, and a result answers the call its tool_call_id names, else the
/// first unanswered call of its tool_name, else the first unanswered call.</summary>
internal static class OllamaChatReader
{
    public static List<ChatMessage> Messages(JsonElement body)
    {
        List<ChatMessage> messages = [];
        List<FunctionCallContent> unanswered = [];
        foreach ((JsonElement message, string at) in FieldError.Messages(body))
        {
            string text = JsonFields.Content(JsonFields.Element(message, "content") ?? default, at + ".content");
            string? role = FieldError.OptionalString(message, "role", at);
            if (role != "user" && FieldError.List(message, "images", at + ".images").Any())
            {
                throw FieldError.At(at + ".images", "images go with user messages");
            }

            switch (role)
            {
                case "tool":
                    messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(Answering(message, at, unanswered), text)]));
                    break;
                case "assistant":
                    List<AIContent> said = text.Length > 0 ? [new TextContent(text)] : [];
                    List<FunctionCallContent> calls = Calls(message, at, messages.Count);
                    said.AddRange(calls);
                    unanswered.AddRange(calls);
                    messages.Add(new ChatMessage(ChatRole.Assistant, said.Count > 0 ? said : [new TextContent("")]));
                    break;
                case "user":
                    List<AIContent> asked = [new TextContent(text), .. InlineImage.Ollama(message, at + ".images")];
                    messages.Add(new ChatMessage(ChatRole.User, asked));
                    break;
                case "system":
                    messages.Add(new ChatMessage(ChatRole.System, text));
                    break;
                default:
                    throw FieldError.At(at + ".role", "must be one of system, user, assistant, tool");
            }
        }

        return messages;
    }

    /// <summary>The request's <c>tools</c>: <c>{"type":"function","function":{"name","description","parameters"}}</c> each.</summary>
    public static List<AITool>? Tools(JsonElement body)
    {
        List<AITool> tools = [];
        foreach ((JsonElement tool, string at) in FieldError.Objects(FieldError.List(body, "tools", "tools"), "tools"))
        {
            if (FieldError.OptionalString(tool, "type", at) is { } type && type != "function")
            {
                throw FieldError.At(at + ".type", $"'{type}' is not a tool type this gateway passes; tools are functions");
            }

            JsonElement function = FieldError.Object(JsonFields.Element(tool, "function") ?? default, at + ".function");
            tools.Add(ToolCallJson.Declaration(
                FieldError.RequiredString(function, "name", at + ".function"),
                FieldError.OptionalString(function, "description", at + ".function"),
                JsonFields.Element(function, "parameters"),
                at + ".function.parameters"));
        }

        return tools.Count > 0 ? tools : null;
    }

    private static List<FunctionCallContent> Calls(JsonElement message, string at, int messageIndex)
    {
        List<FunctionCallContent> calls = [];
        foreach ((JsonElement call, string field) in FieldError.Objects(FieldError.List(message, "tool_calls", at + ".tool_calls"), at + ".tool_calls"))
        {
            JsonElement function = FieldError.Object(JsonFields.Element(call, "function") ?? default, field + ".function");
            string id = FieldError.OptionalString(call, "id", field) is { Length: > 0 } given
                ? given
                : string.Create(CultureInfo.InvariantCulture, $"call_{messageIndex}_{calls.Count}");
            calls.Add(new FunctionCallContent(
                id, FieldError.RequiredString(function, "name", field + ".function"), Arguments(function, field + ".function.arguments")));
        }

        return calls;
    }

    /// <summary>Arguments as Ollama sends them (an object), or as some OpenAI-minded clients do (a string of JSON).</summary>
    private static Dictionary<string, object?> Arguments(JsonElement function, string field)
    {
        JsonElement? arguments = JsonFields.Element(function, "arguments");
        if (arguments is { ValueKind: JsonValueKind.String } text)
        {
            try
            {
                using JsonDocument parsed = JsonDocument.Parse(text.GetString()!);
                return ToolCallJson.Arguments(parsed.RootElement, field);
            }
            catch (JsonException)
            {
                throw FieldError.At(field, "must be an object of the tool's arguments");
            }
        }

        return ToolCallJson.Arguments(arguments, field);
    }

    private static string Answering(JsonElement message, string at, List<FunctionCallContent> unanswered)
    {
        string? id = FieldError.OptionalString(message, "tool_call_id", at);
        string? name = FieldError.OptionalString(message, "tool_name", at) ?? FieldError.OptionalString(message, "name", at);
        FunctionCallContent? call = unanswered.FirstOrDefault(c => id is not null && c.CallId == id)
            ?? unanswered.FirstOrDefault(c => id is null && name is not null && c.Name == name)
            ?? unanswered.FirstOrDefault(c => id is null && name is null);
        if (call is null)
        {
            return id ?? throw FieldError.At(at, name is null
                ? "a tool message answers no tool call of an earlier assistant message"
                : $"no earlier assistant message called the tool '{name}'");
        }

        unanswered.Remove(call);
        return call.CallId;
    }
}

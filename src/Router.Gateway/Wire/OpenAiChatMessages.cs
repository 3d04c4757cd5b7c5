using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Router.Gateway.Wire;

/// <summary>Reads OpenAI chat's <c>messages</c>, <c>tools</c> and <c>tool_choice</c>: text and image parts, the assistant's
/// tool calls and the tool results that answer them. Anything malformed is a 400 naming the field.</summary>
internal static class OpenAiChatMessages
{
    public static List<ChatMessage> Read(JsonElement body)
    {
        if (JsonFields.Element(body, "messages") is not { ValueKind: JsonValueKind.Array } list || list.GetArrayLength() == 0)
        {
            throw Bad("'messages' must be a list of at least one message");
        }

        List<ChatMessage> messages = [];
        int index = 0;
        foreach (JsonElement message in list.EnumerateArray())
        {
            string at = Field($"messages[{index++}]");
            if (message.ValueKind != JsonValueKind.Object)
            {
                throw Bad($"{at} must be an object with role and content");
            }

            messages.Add(Message(message, at));
        }

        return messages;
    }

    /// <summary>The <c>tools</c> as function declarations; null when there are none.</summary>
    public static List<AITool>? Tools(JsonElement body)
    {
        if (JsonFields.Element(body, "tools") is not { } list)
        {
            return null;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw Bad("'tools' must be a list of tools");
        }

        List<AITool> tools = [];
        int index = 0;
        foreach (JsonElement tool in list.EnumerateArray())
        {
            string at = Field($"tools[{index++}]");
            if (tool.ValueKind != JsonValueKind.Object || FieldError.OptionalString(tool, "type", at) != "function")
            {
                throw Bad($"{at} must be an object with type \"function\"");
            }

            JsonElement function = JsonFields.Element(tool, "function") is { ValueKind: JsonValueKind.Object } found
                ? found
                : throw Bad($"{at}.function must be an object with a name");
            string name = FieldError.OptionalString(function, "name", at + ".function") is { Length: > 0 } named
                ? named
                : throw Bad($"{at}.function.name must be a non-empty string");
            string? description = FieldError.OptionalString(function, "description", at + ".function");
            tools.Add(ToolCallJson.Declaration(name, description, JsonFields.Element(function, "parameters"), at + ".function.parameters"));
        }

        return tools.Count > 0 ? tools : null;
    }

    /// <summary><c>tool_choice</c>: "auto", "none", "required" or a named function; null when absent.</summary>
    public static ChatToolMode? ToolChoice(JsonElement body)
    {
        if (JsonFields.Element(body, "tool_choice") is not { } choice)
        {
            return null;
        }

        if (choice.ValueKind == JsonValueKind.String)
        {
            return choice.GetString() switch
            {
                "auto" => ChatToolMode.Auto,
                "none" => ChatToolMode.None,
                "required" => ChatToolMode.RequireAny,
                _ => throw Bad("'tool_choice' must be \"auto\", \"none\", \"required\" or {\"type\": \"function\", \"function\": {\"name\": …}}"),
            };
        }

        if (choice.ValueKind == JsonValueKind.Object
            && JsonFields.Element(choice, "function") is { ValueKind: JsonValueKind.Object } function
            && FieldError.OptionalString(function, "name", "tool_choice.function") is { Length: > 0 } name)
        {
            return ChatToolMode.RequireSpecific(name);
        }

        throw Bad("'tool_choice' must be \"auto\", \"none\", \"required\" or {\"type\": \"function\", \"function\": {\"name\": …}}");
    }

    private static ChatMessage Message(JsonElement message, string at)
    {
        string? role = FieldError.OptionalString(message, "role", at);
        JsonElement content = JsonFields.Element(message, "content") ?? default;
        switch (role)
        {
            case "system" or "developer":
                return new ChatMessage(ChatRole.System, JsonFields.Content(content, at + ".content"));
            case "user":
                return new ChatMessage(ChatRole.User, UserContents(content, at + ".content"));
            case "assistant":
                List<AIContent> said = [];
                if (JsonFields.Content(content, at + ".content") is { Length: > 0 } text)
                {
                    said.Add(new TextContent(text));
                }

                said.AddRange(ToolCalls(message, at));
                return new ChatMessage(ChatRole.Assistant, said);
            case "tool":
                string callId = FieldError.OptionalString(message, "tool_call_id", at) is { Length: > 0 } id
                    ? id
                    : throw Bad($"{at}.tool_call_id must name the tool call this result answers");
                return new ChatMessage(ChatRole.Tool, [new FunctionResultContent(callId, JsonFields.Content(content, at + ".content"))]);
            case "function":
                throw new GatewayException(GatewayErrorKind.BadRequest, $"{at}.role: 'function' messages belong to the legacy functions API; send tools and 'tool' messages")
                {
                    Code = "unsupported_tools",
                };
            default:
                throw Bad($"{at}.role must be one of system, developer, user, assistant, tool");
        }
    }

    private static List<AIContent> UserContents(JsonElement content, string at)
    {
        if (content.ValueKind != JsonValueKind.Array)
        {
            return [new TextContent(JsonFields.Content(content, at))];
        }

        List<AIContent> contents = [];
        StringBuilder text = new();
        int index = 0;
        foreach (JsonElement part in content.EnumerateArray())
        {
            string partAt = Field($"{at}[{index++}]");
            string? type = part.ValueKind == JsonValueKind.Object ? FieldError.OptionalString(part, "type", partAt) : null;
            switch (type)
            {
                case "text":
                    text.Append(FieldError.OptionalString(part, "text", partAt));
                    break;
                case "image_url":
                    contents.Add(Image(part, partAt));
                    break;
                default:
                    throw new GatewayException(
                        GatewayErrorKind.BadRequest,
                        $"{partAt}: text and image_url parts are routed; this gateway does not pass '{type ?? part.ValueKind.ToString()}' parts to models")
                    {
                        Code = "unsupported_content",
                    };
            }
        }

        if (text.Length > 0 || contents.Count == 0)
        {
            contents.Insert(0, new TextContent(text.ToString()));
        }

        return contents;
    }

    private static DataContent Image(JsonElement part, string at)
    {
        string? url = JsonFields.Element(part, "image_url") switch
        {
            { ValueKind: JsonValueKind.Object } holder => FieldError.OptionalString(holder, "url", at + ".image_url"),
            { ValueKind: JsonValueKind.String } plain => plain.GetString(),
            _ => null,
        };
        if (string.IsNullOrEmpty(url))
        {
            throw Bad($"{at}.image_url.url must be a data: URL (data:image/png;base64,…)");
        }

        if (!url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            throw new GatewayException(
                GatewayErrorKind.BadRequest, $"{at}.image_url.url: the router fetches nothing; send the image inline as a data: URL (data:image/png;base64,…)")
            {
                Code = "unsupported_content",
            };
        }

        DataContent image;
        try
        {
            image = new DataContent(url);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or UriFormatException)
        {
            throw Bad($"{at}.image_url.url is not a valid base64 data: URL ({e.Message})");
        }

        return image.HasTopLevelMediaType("image")
            ? image
            : throw Bad($"{at}.image_url.url must hold an image, not {image.MediaType}");
    }

    private static List<FunctionCallContent> ToolCalls(JsonElement message, string at)
    {
        if (JsonFields.Element(message, "tool_calls") is not { } list)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw Bad($"{at}.tool_calls must be a list of tool calls");
        }

        List<FunctionCallContent> calls = [];
        int index = 0;
        foreach (JsonElement call in list.EnumerateArray())
        {
            string callAt = Field($"{at}.tool_calls[{index++}]");
            if (call.ValueKind != JsonValueKind.Object)
            {
                throw Bad($"{callAt} must be an object with id, type and function");
            }

            string id = FieldError.OptionalString(call, "id", callAt) is { Length: > 0 } named ? named : throw Bad($"{callAt}.id must be a non-empty string");
            JsonElement function = JsonFields.Element(call, "function") is { ValueKind: JsonValueKind.Object } found
                ? found
                : throw Bad($"{callAt}.function must be an object with name and arguments");
            string name = FieldError.OptionalString(function, "name", callAt + ".function") is { Length: > 0 } called
                ? called
                : throw Bad($"{callAt}.function.name must be a non-empty string");
            calls.Add(new FunctionCallContent(id, name, Arguments(FieldError.OptionalString(function, "arguments", callAt + ".function"), callAt + ".function.arguments")));
        }

        return calls;
    }

    /// <summary>A call's arguments: a string holding a JSON object (OpenAI's wire form), its values kept as JSON.</summary>
    private static Dictionary<string, object?> Arguments(string? json, string at)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? ToolCallJson.Arguments(document.RootElement, at)
                : throw Bad($"{at} must be a string holding a JSON object");
        }
        catch (JsonException e)
        {
            throw Bad($"{at} must be a string holding a JSON object ({e.Message})");
        }
    }

    private static string Field(FormattableString path) => path.ToString(CultureInfo.InvariantCulture);

    private static GatewayException Bad(string message) => new(GatewayErrorKind.BadRequest, message) { Code = "invalid_field" };
}

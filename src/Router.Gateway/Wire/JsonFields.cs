using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Router.Gateway.Wire;

/// <summary>Reads a request body's fields, each wrong type a 400 naming the field.</summary>
internal static class JsonFields
{
    public static JsonElement Object(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new GatewayException(GatewayErrorKind.BadRequest, "the body must be a JSON object");
        }

        return body;
    }

    public static string? String(JsonElement body, string name)
    {
        if (!Present(body, name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Wrong(name, "a string");
    }

    public static bool? Bool(JsonElement body, string name)
    {
        if (!Present(body, name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Wrong(name, "true or false"),
        };
    }

    public static double? Number(JsonElement body, string name)
    {
        if (!Present(body, name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) && double.IsFinite(number)
            ? number
            : throw Wrong(name, "a number");
    }

    public static int? Count(JsonElement body, string name)
    {
        if (!Present(body, name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int count) && count > 0
            ? count
            : throw Wrong(name, "a whole number above 0");
    }

    /// <summary>A stop list: one string or an array of strings.</summary>
    public static List<string>? Strings(JsonElement body, string name)
    {
        if (!Present(body, name, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Wrong(name, "a string or a list of strings");
        }

        List<string> items = [];
        foreach (JsonElement item in value.EnumerateArray())
        {
            items.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Wrong(name, "a string or a list of strings"));
        }

        return items;
    }

    public static JsonElement? Element(JsonElement body, string name) =>
        Present(body, name, out JsonElement value) ? value : null;

    /// <summary>A message's content: a string, or a list of parts of which only text parts are taken (OpenAI's and
    /// Anthropic's "text" parts). Any other part is refused: the router sends text only.</summary>
    public static string Content(JsonElement content, string field)
    {
        switch (content.ValueKind)
        {
            case JsonValueKind.String:
                return content.GetString()!;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return "";
            case JsonValueKind.Array:
                StringBuilder text = new();
                int index = 0;
                foreach (JsonElement part in content.EnumerateArray())
                {
                    string at = string.Create(CultureInfo.InvariantCulture, $"{field}[{index++}]");
                    if (part.ValueKind == JsonValueKind.String)
                    {
                        text.Append(part.GetString());
                        continue;
                    }

                    string? type = part.ValueKind == JsonValueKind.Object ? String(part, "type") : null;
                    if (type == "text")
                    {
                        text.Append(String(part, "text"));
                        continue;
                    }

                    throw new GatewayException(
                        GatewayErrorKind.BadRequest,
                        $"{at}: only text parts are routed; this gateway does not pass '{type ?? part.ValueKind.ToString()}' parts to models")
                    { Code = "unsupported_content" };
                }

                return text.ToString();
            default:
                throw Wrong(field, "a string or a list of content parts");
        }
    }

    /// <summary>The <c>messages</c> list: at least one object with a role (read by <paramref name="roleOf"/>) and content;
    /// <paramref name="check"/> refuses what a shape does not take (Ollama's images).</summary>
    public static List<ChatMessage> Messages(JsonElement body, Func<string?, string, ChatRole> roleOf, Action<JsonElement, string>? check = null)
    {
        if (Element(body, "messages") is not { ValueKind: JsonValueKind.Array } list || list.GetArrayLength() == 0)
        {
            throw new GatewayException(GatewayErrorKind.BadRequest, "'messages' must be a list of at least one message") { Code = "invalid_field" };
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

            check?.Invoke(message, at);
            ChatRole role = roleOf(String(message, "role"), at + ".role");
            messages.Add(new ChatMessage(role, Content(Element(message, "content") ?? default, at + ".content")));
        }

        return messages;
    }

    /// <summary>A chat role as the router's conversation takes it; tool and function messages are refused with the tools.</summary>
    public static ChatRole Role(string? role, string field) => role switch
    {
        "system" or "developer" => ChatRole.System,
        "user" => ChatRole.User,
        "assistant" => ChatRole.Assistant,
        "tool" or "function" => throw new GatewayException(
            GatewayErrorKind.BadRequest, $"{field}: '{role}' messages come with tools, which this gateway does not pass to models") { Code = "unsupported_tools" },
        _ => throw Wrong(field, "one of system, developer, user, assistant"),
    };

    /// <summary>A 400 for requests that carry tool definitions.</summary>
    public static void RefuseTools(JsonElement body, params string[] names)
    {
        foreach (string name in names)
        {
            if (Present(body, name, out JsonElement value) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0)
            {
                throw new GatewayException(GatewayErrorKind.BadRequest, $"'{name}': this gateway routes text and does not pass tools to models")
                {
                    Code = "unsupported_tools",
                };
            }
        }
    }

    private static bool Present(JsonElement body, string name, out JsonElement value) =>
        body.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static GatewayException Wrong(string name, string what) =>
        new(GatewayErrorKind.BadRequest, $"'{name}' must be {what}") { Code = "invalid_field" };
}

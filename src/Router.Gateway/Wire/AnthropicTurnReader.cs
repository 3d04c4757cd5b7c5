using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Router.Gateway.Wire;

/// <summary>Anthropic's <c>messages</c> as the router's conversation: text and base64 images; an assistant's tool_use blocks
/// become calls, a user's tool_result blocks a tool message (before the rest of that turn), as every backend takes them.
/// Thinking blocks in an assistant's turn are its own reasoning, which no other model takes, and are left out.</summary>
internal static class AnthropicTurnReader
{
    public static List<ChatMessage> Read(JsonElement body)
    {
        List<ChatMessage> messages = [];
        foreach ((JsonElement message, string at) in FieldError.Messages(body))
        {
            string? role = FieldError.OptionalString(message, "role", at);
            if (role is not ("user" or "assistant"))
            {
                throw FieldError.At(at + ".role", "must be user or assistant");
            }

            JsonElement content = message.TryGetProperty("content", out JsonElement given) ? given : default;
            if (content.ValueKind is JsonValueKind.String or JsonValueKind.Null or JsonValueKind.Undefined)
            {
                messages.Add(new ChatMessage(role == "user" ? ChatRole.User : ChatRole.Assistant, content.ValueKind == JsonValueKind.String ? content.GetString() : ""));
            }
            else if (content.ValueKind == JsonValueKind.Array)
            {
                Turn(messages, role, content, at + ".content");
            }
            else
            {
                throw FieldError.At(at + ".content", "must be a string or a list of content blocks");
            }
        }

        return messages;
    }

    private static void Turn(List<ChatMessage> messages, string role, JsonElement blocks, string at)
    {
        List<AIContent> results = [];
        List<AIContent> contents = [];
        foreach ((JsonElement block, string field) in FieldError.Objects(blocks.EnumerateArray(), at))
        {
            string type = FieldError.RequiredString(block, "type", field);
            switch (type, role)
            {
                case ("text", _):
                    contents.Add(new TextContent(FieldError.OptionalString(block, "text", field) ?? ""));
                    break;
                case ("image", "user"):
                    contents.Add(Image(block, field));
                    break;
                case ("tool_result", "user"):
                    results.Add(Result(block, field, contents));
                    break;
                case ("tool_use", "assistant"):
                    contents.Add(new FunctionCallContent(
                        FieldError.RequiredString(block, "id", field),
                        FieldError.RequiredString(block, "name", field),
                        ToolCallJson.Arguments(JsonFields.Element(block, "input"), field + ".input")));
                    break;
                case ("thinking" or "redacted_thinking", "assistant"):
                    break;
                case ("image" or "tool_result" or "tool_use", _):
                    throw FieldError.At(field, $"a {type} block cannot be in a {role} turn");
                default:
                    throw new GatewayException(
                        GatewayErrorKind.BadRequest,
                        $"{field}: '{type}' blocks are not passed to models; this gateway takes text, image, tool_use and tool_result blocks")
                    { Code = "unsupported_content" };
            }
        }

        if (results.Count > 0)
        {
            messages.Add(new ChatMessage(ChatRole.Tool, results));
        }

        if (contents.Count > 0 || results.Count == 0)
        {
            messages.Add(new ChatMessage(role == "user" ? ChatRole.User : ChatRole.Assistant, contents));
        }
    }

    /// <summary>An image block: base64 only, since the router fetches nothing.</summary>
    private static DataContent Image(JsonElement block, string field)
    {
        JsonElement source = FieldError.Object(JsonFields.Element(block, "source") ?? default, field + ".source");
        string kind = FieldError.RequiredString(source, "type", field + ".source");
        if (kind != "base64")
        {
            throw FieldError.At(field + ".source.type", $"'{kind}' images are not fetched by the router; send the image as base64");
        }

        string mediaType = FieldError.RequiredString(source, "media_type", field + ".source");
        if (!InlineImage.MediaTypes.Contains(mediaType))
        {
            throw FieldError.At(field + ".source.media_type", "must be image/jpeg, image/png, image/gif or image/webp");
        }

        return InlineImage.FromBase64(FieldError.RequiredString(source, "data", field + ".source"), mediaType, field + ".source.data");
    }

    /// <summary>A tool's result: its text (a string, or text blocks joined); images in it go on with the turn's other content,
    /// where every vision model can see them.</summary>
    private static FunctionResultContent Result(JsonElement block, string field, List<AIContent> turn)
    {
        string callId = FieldError.RequiredString(block, "tool_use_id", field);
        StringBuilder text = new();
        JsonElement content = JsonFields.Element(block, "content") ?? default;
        if (content.ValueKind == JsonValueKind.String)
        {
            text.Append(content.GetString());
        }
        else if (content.ValueKind == JsonValueKind.Array)
        {
            foreach ((JsonElement part, string at) in FieldError.Objects(content.EnumerateArray(), field + ".content"))
            {
                switch (FieldError.RequiredString(part, "type", at))
                {
                    case "text":
                        text.Append(FieldError.OptionalString(part, "text", at));
                        break;
                    case "image":
                        turn.Add(Image(part, at));
                        break;
                    case { } other:
                        throw FieldError.At(at + ".type", $"'{other}' is not passed to models; a tool_result holds text and images");
                }
            }
        }
        else if (content.ValueKind != JsonValueKind.Undefined)
        {
            throw FieldError.At(field + ".content", "must be a string or a list of text and image blocks");
        }

        bool failed = JsonFields.Element(block, "is_error") switch
        {
            null => false,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            _ => throw FieldError.At(field + ".is_error", "must be true or false"),
        };

        // An error result is marked as Microsoft.Extensions.AI marks a tool that failed: by its exception.
        return new FunctionResultContent(callId, text.ToString())
        {
            Exception = failed ? new InvalidOperationException(text.ToString()) : null,
        };
    }
}

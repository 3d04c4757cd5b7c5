using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Router.Backends.Providers;

namespace Router.Backends.Anthropic;

/// <summary>A tool call's arguments and a tool's result as the Messages API carries them: the input a JSON object, the result
/// text. Values are written through <see cref="AIJsonUtilities.DefaultOptions"/>' type info, never by reflection.</summary>
internal static class AnthropicToolInput
{
    /// <summary>The arguments as a JSON object; none is <c>{}</c>, as tool_use requires an object.</summary>
    public static JsonElement ToJson(IDictionary<string, object?>? arguments)
    {
        ArrayBufferWriter<byte> buffer = new();
        using (Utf8JsonWriter json = new(buffer))
        {
            json.WriteStartObject();
            foreach ((string name, object? value) in arguments ?? new Dictionary<string, object?>())
            {
                json.WritePropertyName(name);
                ToolValueJson.Write(json, value);
            }

            json.WriteEndObject();
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }

    /// <summary>An input object's properties, each kept as a <see cref="JsonElement"/>.</summary>
    public static Dictionary<string, object?> ToArguments(JsonElement input)
    {
        Dictionary<string, object?> arguments = [];
        if (input.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in input.EnumerateObject())
            {
                arguments[property.Name] = property.Value.Clone();
            }
        }

        return arguments;
    }

    /// <summary>A result as tool_result text: a string as it is, anything else as its JSON.</summary>
    public static string ResultText(object? result) => result switch
    {
        null => "",
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } text => text.GetString()!,
        TextContent text => text.Text,
        _ => JsonText(result),
    };

    private static string JsonText(object value)
    {
        ArrayBufferWriter<byte> buffer = new();
        using (Utf8JsonWriter json = new(buffer))
        {
            ToolValueJson.Write(json, value);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

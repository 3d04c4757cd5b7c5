using System.Buffers;
using System.Text.Json;

namespace Router.Emulator.Generation;

/// <summary>How an emulated model uses tools, deterministically: offered tools after a user's message, it calls the first
/// one, with its schema's required properties filled (a string gets the prompt's last word); after a tool's result it
/// answers in words that quote the result.</summary>
internal static class ToolPlay
{
    /// <summary>The tools in a request's <c>tools</c> list: each function's name and parameter schema.</summary>
    public static IReadOnlyList<(string Name, JsonElement? Parameters)> Tools(JsonElement? tools)
    {
        if (tools is not { ValueKind: JsonValueKind.Array } list)
        {
            return [];
        }

        List<(string, JsonElement?)> found = [];
        foreach (var tool in list.EnumerateArray())
        {
            if (tool.ValueKind == JsonValueKind.Object
                && tool.TryGetProperty("function", out var function)
                && function.ValueKind == JsonValueKind.Object
                && function.TryGetProperty("name", out var name)
                && name.ValueKind == JsonValueKind.String)
            {
                found.Add((name.GetString()!, function.TryGetProperty("parameters", out var parameters) ? parameters : null));
            }
        }

        return found;
    }

    /// <summary>The call the model makes, or null when it answers in words: it calls only when offered tools right after a
    /// user's message.</summary>
    public static (string Name, JsonElement Arguments)? Call(IReadOnlyList<(string Name, JsonElement? Parameters)> tools, string lastRole, string prompt)
    {
        if (tools.Count == 0 || lastRole != "user")
        {
            return null;
        }

        var (name, parameters) = tools[0];
        return (name, Arguments(parameters, prompt));
    }

    /// <summary>The answer after a tool's result.</summary>
    public static string AnswerTo(string result) => $"The tool returned: {result}";

    private static JsonElement Arguments(JsonElement? schema, string prompt)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (schema is { ValueKind: JsonValueKind.Object } parameters
                && parameters.TryGetProperty("required", out var required)
                && required.ValueKind == JsonValueKind.Array)
            {
                parameters.TryGetProperty("properties", out var properties);
                foreach (var item in required.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String))
                {
                    var property = item.GetString()!;
                    var type = properties.ValueKind == JsonValueKind.Object
                        && properties.TryGetProperty(property, out var described)
                        && described.ValueKind == JsonValueKind.Object
                        && described.TryGetProperty("type", out var typeName)
                        && typeName.ValueKind == JsonValueKind.String
                            ? typeName.GetString()
                            : "string";
                    json.WritePropertyName(property);
                    switch (type)
                    {
                        case "integer" or "number":
                            json.WriteNumberValue(1);
                            break;
                        case "boolean":
                            json.WriteBooleanValue(true);
                            break;
                        case "array":
                            json.WriteStartArray();
                            json.WriteEndArray();
                            break;
                        case "object":
                            json.WriteStartObject();
                            json.WriteEndObject();
                            break;
                        default:
                            json.WriteStringValue(LastWord(prompt));
                            break;
                    }
                }
            }

            json.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static string LastWord(string prompt)
    {
        var words = prompt.Split((char[])[' ', '\n', '\t', '?', '!', '.', ',', ';', ':', '"', '\''], StringSplitOptions.RemoveEmptyEntries);
        return words.LastOrDefault(w => w.Length >= 3) ?? words.LastOrDefault() ?? "something";
    }
}

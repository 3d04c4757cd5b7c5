using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Router.Backends.Providers;

namespace Router.Gateway.Wire;

/// <summary>Tools on the wire, the same in Anthropic's and Ollama's shapes: a declaration from a name and a JSON schema, a
/// call's arguments as a JSON object (read and written), a result as text.</summary>
internal static class ToolCallJson
{
    private static readonly JsonElement NoParameters = JsonElement.Parse("""{"type":"object","properties":{}}""");

    /// <summary>A tool the model may call; with no schema it takes no arguments.</summary>
    public static AIFunctionDeclaration Declaration(string name, string? description, JsonElement? schema, string field)
    {
        if (schema is { } given && given.ValueKind != JsonValueKind.Object)
        {
            throw FieldError.At(field, "must be a JSON schema object");
        }

        return AIFunctionFactory.CreateDeclaration(name, description, schema?.Clone() ?? NoParameters);
    }

    /// <summary>A call's arguments from a JSON object (absent or null is none); each value is kept as its JSON.</summary>
    public static Dictionary<string, object?> Arguments(JsonElement? input, string field)
    {
        Dictionary<string, object?> arguments = [];
        if (input is not { ValueKind: not JsonValueKind.Null } given)
        {
            return arguments;
        }

        if (given.ValueKind != JsonValueKind.Object)
        {
            throw FieldError.At(field, "must be an object of the tool's arguments");
        }

        foreach (JsonProperty property in given.EnumerateObject())
        {
            arguments[property.Name] = property.Value.Clone();
        }

        return arguments;
    }

    /// <summary>The id a client gets for a call: the model's, else one made from the call's place in the answer.</summary>
    public static string CallId(FunctionCallContent call, int index) =>
        call.CallId is { Length: > 0 } id ? id : string.Create(CultureInfo.InvariantCulture, $"call_{index}");

    public static void WriteArguments(Utf8JsonWriter json, IDictionary<string, object?>? arguments)
    {
        json.WriteStartObject();
        foreach ((string name, object? value) in arguments ?? new Dictionary<string, object?>())
        {
            json.WritePropertyName(name);
            ToolValueJson.Write(json, value);
        }

        json.WriteEndObject();
    }

    /// <summary>The arguments as JSON text (Anthropic's input_json_delta).</summary>
    public static string ArgumentsText(IDictionary<string, object?>? arguments)
    {
        ArrayBufferWriter<byte> buffer = new();
        using (Utf8JsonWriter json = new(buffer))
        {
            WriteArguments(json, arguments);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

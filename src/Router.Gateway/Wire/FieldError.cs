using System.Globalization;
using System.Text.Json;

namespace Router.Gateway.Wire;

/// <summary>400s that name the field by its whole path (<c>messages[2].content[0].source.data</c>), and the reads of a nested
/// object's fields that give them.</summary>
internal static class FieldError
{
    public static GatewayException At(string field, string problem) =>
        new(GatewayErrorKind.BadRequest, $"{field}: {problem}") { Code = "invalid_field" };

    /// <summary>A string field that must be there and not be empty.</summary>
    public static string RequiredString(JsonElement owner, string name, string at) =>
        OptionalString(owner, name, at) is { Length: > 0 } value ? value : throw At($"{at}.{name}", "a non-empty string is required");

    public static string? OptionalString(JsonElement owner, string name, string at)
    {
        if (!owner.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw At($"{at}.{name}", "must be a string");
    }

    /// <summary>The object at <paramref name="at"/>, or a 400 saying it must be one.</summary>
    public static JsonElement Object(JsonElement value, string at) =>
        value.ValueKind == JsonValueKind.Object ? value : throw At(at, "must be an object");

    /// <summary>The list <paramref name="owner"/> holds as <paramref name="name"/> (null or absent is none), or a 400 saying it must be one.</summary>
    public static IEnumerable<JsonElement> List(JsonElement owner, string name, string at)
    {
        if (!owner.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw At(at, "must be a list");
    }

    /// <summary>Each item of a list, which must be an object, with its path (<c>tools[2]</c>).</summary>
    public static IEnumerable<(JsonElement Item, string At)> Objects(IEnumerable<JsonElement> items, string at)
    {
        int index = 0;
        foreach (JsonElement item in items)
        {
            string path = string.Create(CultureInfo.InvariantCulture, $"{at}[{index++}]");
            yield return (Object(item, path), path);
        }
    }

    /// <summary>The request's <c>messages</c>: a list of at least one object.</summary>
    public static IEnumerable<(JsonElement Item, string At)> Messages(JsonElement body) =>
        JsonFields.Element(body, "messages") is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > 0
            ? Objects(list.EnumerateArray(), "messages")
            : throw new GatewayException(GatewayErrorKind.BadRequest, "'messages' must be a list of at least one message") { Code = "invalid_field" };
}

using System.Text.Json;

namespace Router.Emulator.Wire;

/// <summary>Reads the text of fields that are either a string or an array of text parts/blocks.</summary>
internal static class WireText
{
    public static string Of(JsonElement? value)
    {
        if (value is not { } element)
        {
            return "";
        }

        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString() ?? "",
            JsonValueKind.Array => string.Concat(element.EnumerateArray().Select(Part)),
            _ => "",
        };
    }

    /// <summary>How many image parts (OpenAI's image_url, Anthropic's image) a content array holds.</summary>
    public static int Images(JsonElement? value) => value is { ValueKind: JsonValueKind.Array } parts
        ? parts.EnumerateArray().Count(part => part.ValueKind == JsonValueKind.Object
            && part.TryGetProperty("type", out var type)
            && type.ValueKind == JsonValueKind.String
            && type.GetString() is "image_url" or "image")
        : 0;

    public static IReadOnlyList<string>? List(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.String } s => [s.GetString() ?? ""],
        { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString() ?? "").ToList(),
        _ => null,
    };

    private static string Part(JsonElement part) => part.ValueKind switch
    {
        JsonValueKind.String => part.GetString() ?? "",
        JsonValueKind.Object when part.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String => text.GetString() ?? "",
        _ => "",
    };
}

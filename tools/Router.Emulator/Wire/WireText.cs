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

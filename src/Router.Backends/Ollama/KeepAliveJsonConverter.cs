using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Router.Backends.Ollama;

/// <summary>Writes keep_alive as Ollama parses it: a bare number ("0", "-1", "300") as seconds, anything else ("5m") as a duration string.
/// Ollama rejects the string "-1", so the number form matters.</summary>
internal sealed class KeepAliveJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetDouble().ToString(CultureInfo.InvariantCulture),
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new JsonException("keep_alive must be a number or a string."),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            writer.WriteNumberValue(seconds);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Router.Protocol.Lsp;

/// <summary>Reads and writes a <see cref="ProgressToken"/> as a JSON integer or string.</summary>
public sealed class ProgressTokenConverter : JsonConverter<ProgressToken>
{
    public override ProgressToken Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt64(out long number) => new ProgressToken(number),
            JsonTokenType.String => new ProgressToken(reader.GetString()!),
            _ => throw new JsonException("A progress token must be an integer or a string."),
        };

    public override void Write(Utf8JsonWriter writer, ProgressToken value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Text is not null)
        {
            writer.WriteStringValue(value.Text);
        }
        else
        {
            writer.WriteNumberValue(value.Number ?? 0);
        }
    }
}

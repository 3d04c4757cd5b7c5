using System.Text.Json;
using System.Text.Json.Serialization;

namespace Router.Protocol.JsonRpc;

/// <summary>Reads and writes a <see cref="RequestId"/> as a JSON number or string.</summary>
public sealed class RequestIdConverter : JsonConverter<RequestId>
{
    public override RequestId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt64(out long number) => new RequestId(number),
            JsonTokenType.String => new RequestId(reader.GetString()!),
            _ => throw new JsonException("A request id must be an integer or a string."),
        };

    public override void Write(Utf8JsonWriter writer, RequestId value, JsonSerializerOptions options)
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

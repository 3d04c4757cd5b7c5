using System.Text.Json;
using System.Text.Json.Serialization;

namespace Router.Protocol.Lsp;

/// <summary>Reads and writes the <see cref="DocumentChange"/> union: an entry with <c>"kind": "create"</c> is a
/// <see cref="CreateFile"/>, one without a kind a <see cref="TextDocumentEdit"/>. Rename and delete are not used.</summary>
public sealed class DocumentChangeJsonConverter : JsonConverter<DocumentChange>
{
    private static LspJsonContext Json => LspJsonContext.Default;

    public override DocumentChange? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        JsonElement entry = document.RootElement;
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("a document change must be an object");
        }

        if (!entry.TryGetProperty("kind", out JsonElement kind))
        {
            return entry.Deserialize(Json.TextDocumentEdit);
        }

        return kind.GetString() == CreateFile.KindName
            ? entry.Deserialize(Json.CreateFile)
            : throw new JsonException($"unsupported document change kind '{kind.GetString()}'");
    }

    public override void Write(Utf8JsonWriter writer, DocumentChange value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case TextDocumentEdit edit:
                JsonSerializer.Serialize(writer, edit, Json.TextDocumentEdit);
                break;
            case CreateFile create:
                JsonSerializer.Serialize(writer, create, Json.CreateFile);
                break;
            default:
                throw new JsonException($"unsupported document change {value?.GetType().Name}");
        }
    }
}

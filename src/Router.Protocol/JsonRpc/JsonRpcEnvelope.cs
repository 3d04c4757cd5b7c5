using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Router.Protocol.JsonRpc;

/// <summary>Writes the JSON-RPC 2.0 envelope around typed content; the content itself is written by source-generated serializers.</summary>
internal static class JsonRpcEnvelope
{
    // Code is full of <, >, & and +; the default HTML-safe escaping would bloat every completion for no benefit,
    // since these messages never end up inside HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Request(long id, string method, Action<Utf8JsonWriter>? writeParams) =>
        Write(writer =>
        {
            writer.WriteNumber("id", id);
            writer.WriteString("method", method);
            WriteParams(writer, writeParams);
        });

    public static byte[] Notification(string method, Action<Utf8JsonWriter>? writeParams) =>
        Write(writer =>
        {
            writer.WriteString("method", method);
            WriteParams(writer, writeParams);
        });

    public static byte[] Result(RequestId id, Action<Utf8JsonWriter> writeResult) =>
        Write(writer =>
        {
            WriteId(writer, id);
            writer.WritePropertyName("result");
            writeResult(writer);
        });

    public static byte[] Error(RequestId? id, int code, string message) =>
        Write(writer =>
        {
            if (id is { } known)
            {
                WriteId(writer, known);
            }
            else
            {
                writer.WriteNull("id");
            }

            writer.WriteStartObject("error");
            writer.WriteNumber("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        });

    private static void WriteParams(Utf8JsonWriter writer, Action<Utf8JsonWriter>? writeParams)
    {
        if (writeParams is not null)
        {
            writer.WritePropertyName("params");
            writeParams(writer);
        }
    }

    private static void WriteId(Utf8JsonWriter writer, RequestId id)
    {
        if (id.Text is not null)
        {
            writer.WriteString("id", id.Text);
        }
        else
        {
            writer.WriteNumber("id", id.Number ?? 0);
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> writeBody)
    {
        ArrayBufferWriter<byte> buffer = new(256);
        using (Utf8JsonWriter writer = new(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writeBody(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

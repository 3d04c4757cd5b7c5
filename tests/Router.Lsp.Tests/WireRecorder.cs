using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Router.Lsp.Tests;

/// <summary>A stream that passes on what the server writes and keeps a copy: every byte it sent, whatever the channel.</summary>
internal sealed class WireRecorder(Stream inner) : Stream
{
    private readonly ArrayBufferWriter<byte> _copy = new();
    private readonly Lock _gate = new();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Everything written so far, as text.</summary>
    public string Text
    {
        get
        {
            lock (_gate)
            {
                return Encoding.UTF8.GetString(_copy.WrittenSpan);
            }
        }
    }

    /// <summary>Every string value and property name in every message written so far, unescaped (JSON escapes '+', '&lt;' and
    /// non-ASCII letters, so a search of the raw bytes alone could miss a secret).</summary>
    public IReadOnlyList<string> Strings()
    {
        List<string> strings = [];
        string wire = Text;
        int at = 0;
        while ((at = wire.IndexOf("Content-Length: ", at, StringComparison.Ordinal)) >= 0)
        {
            int headerEnd = wire.IndexOf("\r\n\r\n", at, StringComparison.Ordinal);
            int length = int.Parse(wire.AsSpan(at + 16, wire.IndexOf('\r', at) - at - 16), System.Globalization.CultureInfo.InvariantCulture);
            byte[] body = Encoding.UTF8.GetBytes(wire[(headerEnd + 4)..]);
            using JsonDocument message = JsonDocument.Parse(body.AsMemory(0, length));
            Collect(message.RootElement, strings);
            at = headerEnd + 4 + Encoding.UTF8.GetCharCount(body, 0, length);
        }

        return strings;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        Keep(buffer.AsSpan(offset, count));
        inner.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Keep(buffer);
        inner.Write(buffer);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Keep(buffer.Span);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            _copy.Write(bytes);
        }
    }

    private static void Collect(JsonElement element, List<string> strings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                strings.Add(element.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    strings.Add(property.Name);
                    Collect(property.Value, strings);
                }

                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Collect(item, strings);
                }

                break;
        }
    }
}

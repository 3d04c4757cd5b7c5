using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;

namespace Router.Protocol.Framing;

/// <summary>Writes LSP base-protocol frames; one frame at a time, so concurrent senders never interleave.</summary>
internal sealed class FrameWriter(PipeWriter output) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _completed;

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        byte[] header = Encoding.ASCII.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n"));
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_completed)
            {
                throw new IOException("The connection's output is closed.");
            }

            output.Write(header);
            output.Write(body.Span);

            // Never cancel mid-frame: a half-written frame would corrupt the stream for every later message.
            FlushResult flushed = await output.FlushAsync(CancellationToken.None);
            if (flushed.IsCompleted)
            {
                _completed = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask CompleteAsync()
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (!_completed)
            {
                _completed = true;
                await output.CompleteAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}

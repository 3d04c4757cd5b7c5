using System.IO.Pipelines;

namespace Router.Protocol.Framing;

/// <summary>Reads a stream whose reads block a thread (a console's standard input on Unix has no asynchronous read: its
/// ReadAsync parks a thread-pool thread for as long as the editor is silent) on a thread of its own. On a two-core machine the
/// pool starts with two threads; with one of them parked on standard input, any other brief block left the whole server
/// waiting for the pool to add a thread, up to two seconds, while the user typed.</summary>
public static class OwnThreadInput
{
    private const int ReadSize = 64 * 1024;

    /// <summary>A stream of what <paramref name="input"/> yields, read by a background thread named <paramref name="name"/>.</summary>
    public static Stream Start(Stream input, string name)
    {
        ArgumentNullException.ThrowIfNull(input);
        Pipe pipe = new(new PipeOptions(pauseWriterThreshold: 4 * 1024 * 1024, resumeWriterThreshold: 2 * 1024 * 1024, useSynchronizationContext: false));
        Thread reader = new(() => Pump(input, pipe.Writer)) { IsBackground = true, Name = name };
        reader.Start();
        return pipe.Reader.AsStream();
    }

    private static void Pump(Stream input, PipeWriter writer)
    {
        Exception? failure = null;
        try
        {
            while (true)
            {
                Memory<byte> memory = writer.GetMemory(ReadSize);
                int read = input.Read(memory.Span);
                if (read == 0)
                {
                    break;
                }

                writer.Advance(read);

                // Blocking here is this thread's purpose: it waits only while the reader is a full buffer behind.
                if (writer.FlushAsync().AsTask().GetAwaiter().GetResult().IsCompleted)
                {
                    break;
                }
            }
        }
#pragma warning disable CA1031 // The reader sees the failure as the end of its input, with the cause.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            failure = exception;
        }

        writer.Complete(failure);
    }
}

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Router.Backends.Providers;

namespace Router.Lsp.Tests;

/// <summary>A scripted code model: streams its answer in small chunks, can fail or hold a request until it is
/// cancelled, and records every request and whether its stream was closed by cancellation.</summary>
internal sealed class FakeModelProvider : IModelProvider
{
    private readonly Channel<ModelRequest> _started = Channel.CreateUnbounded<ModelRequest>();
    private int _cancelledStreams;
    private int _abandonedStreams;

    public string EndpointName => "fake-gpu";

    /// <summary>The answer for a request; default: nothing.</summary>
    public Func<ModelRequest, string> Answer { get; set; } = _ => string.Empty;

    /// <summary>When set, every stream throws this before its first chunk.</summary>
    public Exception? Failure { get; set; }

    /// <summary>When it returns true for a request, that stream waits until it is cancelled.</summary>
    public Func<ModelRequest, bool> Hold { get; set; } = _ => false;

    public ConcurrentQueue<ModelRequest> Requests { get; } = new();

    /// <summary>Streams whose token fired while they were open.</summary>
    public int CancelledStreams => Volatile.Read(ref _cancelledStreams);

    /// <summary>Streams the caller stopped reading before the final chunk.</summary>
    public int AbandonedStreams => Volatile.Read(ref _abandonedStreams);

    public ValueTask<ModelRequest> WaitForRequestAsync(CancellationToken cancellationToken) => _started.Reader.ReadAsync(cancellationToken);

    public async IAsyncEnumerable<ModelChunk> StreamAsync(ModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        _started.Writer.TryWrite(request);
        bool finished = false;
        try
        {
            await Task.Yield();
            if (Failure is { } failure)
            {
                throw failure;
            }

            if (Hold(request))
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            string answer = Answer(request);
            for (int i = 0; i < answer.Length; i += 3)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new ModelChunk(answer.Substring(i, Math.Min(3, answer.Length - i)), false);
            }

            finished = true;
            yield return new ModelChunk(string.Empty, true, new ModelUsage(42, answer.Length / 3, TimeSpan.FromMilliseconds(5), TimeSpan.Zero, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(4)), "stop");
        }
        finally
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref _cancelledStreams);
            }

            if (!finished)
            {
                Interlocked.Increment(ref _abandonedStreams);
            }
        }
    }
}

using Router.Protocol.JsonRpc;

namespace Router.Lsp.Completion;

/// <summary>The cancellation of one running completion: fired by the client's own cancel, or by the server when it gives the
/// completion up (<see cref="Drop"/>), in which case <see cref="DroppedBecause"/> is the error that answers it.</summary>
internal sealed class CompletionLease : IDisposable
{
    private readonly CancellationTokenSource _source;
    private JsonRpcError? _droppedBecause;
    private volatile bool _debounced;

    public CompletionLease(CancellationToken requestCancellation)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(requestCancellation);
    }

    public CancellationToken Token => _source.Token;

    public bool IsCancellationRequested => _source.IsCancellationRequested;

    /// <summary>Set once the completion has waited out its debounce and goes on to the model.</summary>
    public bool Debounced => _debounced;

    public void MarkDebounced() => _debounced = true;

    /// <summary>Why the server gave the completion up; null while it has not (a client cancel leaves it null too).</summary>
    public JsonRpcError? DroppedBecause => Volatile.Read(ref _droppedBecause);

    /// <summary>Gives the completion up; the first reason given is the one the client is told.</summary>
    public void Drop(JsonRpcError reason)
    {
        // The reason is set before the token fires, so whoever sees the cancellation also sees why.
        Interlocked.CompareExchange(ref _droppedBecause, reason, null);
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The completion finished in the meantime.
        }
    }

    public void Dispose() => _source.Dispose();
}

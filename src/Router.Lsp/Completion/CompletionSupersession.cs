using System.Collections.Concurrent;
using Router.Protocol.JsonRpc;

namespace Router.Lsp.Completion;

/// <summary>Only the latest completion per document matters: starting one drops the previous one for that document, which
/// closes its model stream. The dropped request is answered ServerCancelled (the server gave it up; LSP keeps RequestCancelled
/// for the client's own cancels), and one whose document is closed under it ContentModified.</summary>
internal sealed class CompletionSupersession
{
    private static readonly JsonRpcError Replaced =
        new(JsonRpcErrorCodes.ServerCancelled, "A newer completion for this document replaced this one.");

    private static readonly JsonRpcError Typed =
        new(JsonRpcErrorCodes.ServerCancelled, "The document changed before this completion reached the model.");

    private static readonly JsonRpcError DocumentClosed =
        new(JsonRpcErrorCodes.ContentModified, "The document was closed while this completion ran.");

    private readonly ConcurrentDictionary<string, CompletionLease> _latest = new(StringComparer.Ordinal);

    /// <summary>Starts a completion for the document; the returned lease's token fires when the request is cancelled, a
    /// newer completion for the same document starts, or the document closes. Dispose it with <see cref="End"/>.</summary>
    public CompletionLease Begin(string documentUri, CancellationToken requestCancellation)
    {
        CompletionLease current = new(requestCancellation);
        CompletionLease? previous = null;
        _latest.AddOrUpdate(documentUri, current, (_, old) =>
        {
            previous = old;
            return current;
        });
        if (previous is not null && !ReferenceEquals(previous, current))
        {
            previous.Drop(Replaced);
        }

        return current;
    }

    /// <summary>The user typed on: a completion still waiting in the debounce would be for text that is gone, so it never
    /// reaches the model. One already at the model runs on until a newer request replaces it or the client cancels it.</summary>
    public void Changed(string documentUri)
    {
        if (_latest.TryGetValue(documentUri, out CompletionLease? waiting) && !waiting.Debounced)
        {
            waiting.Drop(Typed);
        }
    }

    /// <summary>The document closed: its running completion, if any, has nothing left to complete.</summary>
    public void Closed(string documentUri)
    {
        if (_latest.TryGetValue(documentUri, out CompletionLease? running))
        {
            running.Drop(DocumentClosed);
        }
    }

    public void End(string documentUri, CompletionLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        _latest.TryRemove(new KeyValuePair<string, CompletionLease>(documentUri, lease));
        lease.Dispose();
    }
}

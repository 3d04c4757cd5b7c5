using System.Collections.Concurrent;

namespace Router.Lsp.Completion;

/// <summary>Only the latest completion per document matters: starting one cancels the previous one for that
/// document, which closes its model stream.</summary>
internal sealed class CompletionSupersession
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _latest = new(StringComparer.Ordinal);

    /// <summary>Starts a completion for the document; the returned source's token fires when the request is
    /// cancelled or a newer completion for the same document starts. Dispose it with <see cref="End"/>.</summary>
    /// <param name="supersedes">Set when an earlier completion for the document was still running.</param>
    public CancellationTokenSource Begin(string documentUri, CancellationToken requestCancellation, out bool supersedes)
    {
        CancellationTokenSource current = CancellationTokenSource.CreateLinkedTokenSource(requestCancellation);
        CancellationTokenSource? previous = null;
        _latest.AddOrUpdate(documentUri, current, (_, old) =>
        {
            previous = old;
            return current;
        });
        supersedes = previous is not null && !ReferenceEquals(previous, current);
        if (supersedes)
        {
            try
            {
                previous!.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The older completion finished in the meantime.
            }
        }

        return current;
    }

    public void End(string documentUri, CancellationTokenSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _latest.TryRemove(new KeyValuePair<string, CancellationTokenSource>(documentUri, source));
        source.Dispose();
    }
}

namespace Router.Lsp.Completion;

/// <summary>Decides what became of each inline completion shown: accepted when the editor runs the item's
/// <c>router.completionAccepted</c> command; dismissed when a newer suggestion for the same document is shown, its document
/// closes, or <see cref="DismissAfter"/> passes without an accept. A client not known to report accepts (it did not say so at
/// initialize and has not run the command in this session, as with Neovim or eglot) books no dismissals: its completions
/// stay "shown", which the report counts as unknown rather than as 0% accepted.</summary>
internal sealed class CompletionAcceptance(CompletionUsageBook book, TimeProvider time) : IDisposable
{
    /// <summary>How long a shown completion may wait for its accept before it counts as dismissed.</summary>
    public static readonly TimeSpan DismissAfter = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Waiting> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _latestByDocument = new(StringComparer.Ordinal);
    private volatile bool _acceptSeen;

    /// <summary>Set at initialize from <c>initializationOptions.completionAccepts</c>: the client runs an inline completion
    /// item's command on accept (the Router extension for VS Code says so).</summary>
    public bool ClientReportsAccepts { get; set; }

    /// <summary>Whether a completion that was not accepted can be told apart from one whose accept was never reported.</summary>
    public bool ReportsAccepts => ClientReportsAccepts || _acceptSeen;

    /// <summary>A completion reached the editor: the previous one shown for the document, if still waiting, is dismissed.</summary>
    public void Shown(string requestId, string documentUri, int length)
    {
        string? superseded = null;
        lock (_gate)
        {
            if (_latestByDocument.TryGetValue(documentUri, out string? previous) && previous != requestId && Forget(previous))
            {
                superseded = previous;
            }

            _latestByDocument[documentUri] = requestId;
            if (!_waiting.ContainsKey(requestId))
            {
                ITimer timer = time.CreateTimer(static state => ((Expiry)state!).Fire(), new Expiry(this, requestId), DismissAfter, Timeout.InfiniteTimeSpan);
                _waiting[requestId] = new Waiting(documentUri, length, timer);
            }
        }

        if (superseded is not null)
        {
            Dismiss(superseded);
        }
    }

    /// <summary>The editor ran the accept command. Characters are the item's length unless the client reported fewer; an
    /// accept after the time limit still counts (the user did take it).</summary>
    public void Accepted(string requestId, int? characters)
    {
        _acceptSeen = true;
        int? length = null;
        lock (_gate)
        {
            if (_waiting.TryGetValue(requestId, out Waiting? waiting))
            {
                length = waiting.Length;
                Forget(requestId);
            }
        }

        int? taken = (characters, length) switch
        {
            (null, _) => length,
            ({ } reported, { } shown) => Math.Clamp(reported, 0, shown),
            ({ } reported, null) => Math.Max(reported, 0),
        };
        book.Accepted(requestId, taken);
    }

    /// <summary>The document closed: a completion still waiting there was not taken.</summary>
    public void Closed(string documentUri)
    {
        string? waiting = null;
        lock (_gate)
        {
            if (_latestByDocument.Remove(documentUri, out string? latest) && Forget(latest))
            {
                waiting = latest;
            }
        }

        if (waiting is not null)
        {
            Dismiss(waiting);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (Waiting waiting in _waiting.Values)
            {
                waiting.Timer.Dispose();
            }

            _waiting.Clear();
            _latestByDocument.Clear();
        }
    }

    private void Expired(string requestId)
    {
        lock (_gate)
        {
            if (!_waiting.TryGetValue(requestId, out Waiting? waiting))
            {
                return;
            }

            Forget(requestId);
            if (_latestByDocument.TryGetValue(waiting.DocumentUri, out string? latest) && latest == requestId)
            {
                _latestByDocument.Remove(waiting.DocumentUri);
            }
        }

        Dismiss(requestId);
    }

    /// <summary>Stops waiting for <paramref name="requestId"/>; false when it was not waiting. Called under the gate.</summary>
    private bool Forget(string requestId)
    {
        if (!_waiting.Remove(requestId, out Waiting? waiting))
        {
            return false;
        }

        waiting.Timer.Dispose();
        return true;
    }

    private void Dismiss(string requestId)
    {
        if (ReportsAccepts)
        {
            book.Dismissed(requestId);
        }
    }

    private sealed record Waiting(string DocumentUri, int Length, ITimer Timer);

    private sealed class Expiry(CompletionAcceptance owner, string requestId)
    {
        public void Fire() => owner.Expired(requestId);
    }
}

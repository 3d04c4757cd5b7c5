namespace Router.Runtime.Inventory;

/// <summary>One endpoint's probe results and warm hints; at most one probe of it runs at a time, and callers share it.</summary>
internal sealed class EndpointState
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, WarmHint> _hints = new(StringComparer.Ordinal);
    private EndpointSnapshot? _last;
    private IReadOnlyList<string>? _lastListed;
    private Task<EndpointSnapshot>? _inFlight;

    /// <summary>The last finished probe, without warm hints; null before the first.</summary>
    public EndpointSnapshot? Last
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    /// <summary>The models of the last probe that got the host's model list, kept while the host is down; null before one did.</summary>
    public IReadOnlyList<string>? LastListed
    {
        get
        {
            lock (_gate)
            {
                return _lastListed;
            }
        }
    }

    /// <summary>Joins the probe in flight, or starts <paramref name="probe"/> (which must not throw) and records its result.</summary>
    public Task<EndpointSnapshot> ProbeAsync(Func<Task<EndpointSnapshot>> probe)
    {
        TaskCompletionSource<EndpointSnapshot> done;
        lock (_gate)
        {
            if (_inFlight is not null)
            {
                return _inFlight;
            }

            done = new TaskCompletionSource<EndpointSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
            _inFlight = done.Task;
        }

        _ = RunAsync(probe, done);
        return done.Task;
    }

    /// <summary>Notes that <paramref name="model"/> answered at <paramref name="now"/>; <paramref name="until"/> null keeps it forever.</summary>
    public void NoteWarm(string model, DateTimeOffset now, DateTimeOffset? until)
    {
        lock (_gate)
        {
            _hints[OllamaModelName.Normalize(model)] = new WarmHint(model, now, until);
        }
    }

    /// <summary>Forgets a hint, for an answer that unloaded its model (keep_alive 0).</summary>
    public void NoteCold(string model)
    {
        lock (_gate)
        {
            _hints.Remove(OllamaModelName.Normalize(model));
        }
    }

    /// <summary>The hints that have not expired at <paramref name="now"/>.</summary>
    public IReadOnlyList<WarmHint> LiveHints(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _hints.Values.Where(h => h.Until is null || h.Until > now).ToList();
        }
    }

    private async Task RunAsync(Func<Task<EndpointSnapshot>> probe, TaskCompletionSource<EndpointSnapshot> done)
    {
        EndpointSnapshot snapshot;
        try
        {
            snapshot = await probe();
        }
        catch (Exception e)
        {
            // A bug in a probe must not leave every later caller waiting on a probe that never ends.
            lock (_gate)
            {
                _inFlight = null;
            }

            done.SetException(e);
            return;
        }

        lock (_gate)
        {
            _last = snapshot;
            _lastListed = snapshot.ModelsPresent ?? _lastListed;
            _inFlight = null;
            if (snapshot.LoadedModels is not null)
            {
                // A fresh /api/ps taken after a hint knows better than the hint (the model may have been evicted).
                foreach (var key in _hints.Where(h => h.Value.NotedAt < snapshot.ProbedAt).Select(h => h.Key).ToList())
                {
                    _hints.Remove(key);
                }
            }
        }

        done.SetResult(snapshot);
    }
}

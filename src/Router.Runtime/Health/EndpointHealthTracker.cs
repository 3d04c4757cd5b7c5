using System.Globalization;

namespace Router.Runtime.Health;

/// <summary>A circuit breaker per endpoint: consecutive failures open it for a growing cooldown, then one trial (a request or
/// a probe) is let through and its success closes it. An open endpoint is skipped at once, even when it is a tier's only
/// host, so no request pays a dead host's timeout twice in a row.</summary>
public sealed class EndpointHealthTracker
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, EndpointCircuit> _circuits = new(StringComparer.Ordinal);
    private readonly EndpointHealthOptions _options;
    private readonly TimeProvider _time;

    public EndpointHealthTracker(EndpointHealthOptions? options = null, TimeProvider? time = null)
    {
        _options = options ?? new EndpointHealthOptions();
        _options.Validate();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Raised after an endpoint's state changed (closed, opened, half-open), outside the tracker's lock.</summary>
    public event EventHandler<EndpointHealthSnapshot>? StateChanged;

    /// <summary>May a request go to <paramref name="endpoint"/> now? After an open circuit's cooldown the first caller gets the
    /// trial; it must report back (success, failure or <see cref="ReportAbandoned"/>).</summary>
    public EndpointAdmission TryAdmit(string endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        EndpointHealthSnapshot? changed = null;
        EndpointAdmission admission;
        lock (_gate)
        {
            EndpointCircuit circuit = CircuitOf(endpoint);
            DateTimeOffset now = _time.GetUtcNow();
            switch (circuit.State)
            {
                case EndpointCircuitState.Closed:
                    return EndpointAdmission.Go;
                case EndpointCircuitState.Open when now < circuit.OpenUntil:
                    admission = Refusal(circuit, $"circuit open until {Clock(circuit.OpenUntil)}");
                    break;
                case EndpointCircuitState.HalfOpen when circuit.TrialStartedAt is { } started && now - started < _options.TrialTimeout:
                    admission = Refusal(circuit, "circuit half-open: a trial request is under way");
                    break;
                default:
                    // Cooldown over (or the last trial never reported back): this caller is the trial.
                    circuit.TrialStartedAt = now;
                    if (circuit.State != EndpointCircuitState.HalfOpen)
                    {
                        circuit.State = EndpointCircuitState.HalfOpen;
                        circuit.LastChange = now;
                        changed = circuit.Snapshot();
                    }

                    admission = new EndpointAdmission(true, true, null, "half-open trial after the cooldown");
                    break;
            }
        }

        Raise(changed);
        return admission;
    }

    /// <summary>What <see cref="TryAdmit"/> would answer now, without taking the trial slot: lets a caller skip an endpoint whose
    /// circuit is open before spending any time on it (a model lookup on a stalled host waits out its own timeout).</summary>
    public EndpointAdmission Peek(string endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        lock (_gate)
        {
            if (!_circuits.TryGetValue(endpoint, out EndpointCircuit? circuit))
            {
                return EndpointAdmission.Go;
            }

            DateTimeOffset now = _time.GetUtcNow();
            return circuit.State switch
            {
                EndpointCircuitState.Open when now < circuit.OpenUntil => Refusal(circuit, $"circuit open until {Clock(circuit.OpenUntil)}"),
                EndpointCircuitState.HalfOpen when circuit.TrialStartedAt is { } started && now - started < _options.TrialTimeout =>
                    Refusal(circuit, "circuit half-open: a trial request is under way"),
                _ => EndpointAdmission.Go,
            };
        }
    }

    /// <summary>A request (or trial) got a complete answer: the circuit closes and the cooldown resets.</summary>
    public void ReportSuccess(string endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        EndpointHealthSnapshot? changed;
        lock (_gate)
        {
            changed = Close(CircuitOf(endpoint));
        }

        Raise(changed);
    }

    /// <summary>A request failed in a way that says something about the host (not a missing model, not the caller's cancel).</summary>
    public void ReportFailure(string endpoint, EndpointFailureKind kind, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        EndpointHealthSnapshot? changed = null;
        lock (_gate)
        {
            EndpointCircuit circuit = CircuitOf(endpoint);
            circuit.ConsecutiveFailures++;
            circuit.LastError = reason;
            circuit.LastFailureKind = kind;
            bool opens = circuit.State switch
            {
                EndpointCircuitState.HalfOpen => true,
                EndpointCircuitState.Closed => circuit.ConsecutiveFailures >= kind switch
                {
                    EndpointFailureKind.Unreachable => Math.Min(_options.UnreachableThreshold, _options.FailureThreshold),
                    EndpointFailureKind.Timeout => Math.Min(_options.TimeoutThreshold, _options.FailureThreshold),
                    _ => _options.FailureThreshold,
                },

                // Already open: a request that started before it opened failed too; the cooldown stands.
                _ => false,
            };
            if (opens)
            {
                changed = Open(circuit);
            }
        }

        Raise(changed);
    }

    /// <summary>The host asked to be left alone for <paramref name="wait"/> (a rate limit's Retry-After): its circuit opens until
    /// then, for at most <see cref="EndpointHealthOptions.MaxRetryAfterHold"/>, and a good model-list probe does not close it
    /// sooner (listing models says nothing of the rate limit). An opening that already lasts longer stands.</summary>
    public void HoldOpen(string endpoint, TimeSpan wait, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        EndpointHealthSnapshot? changed;
        lock (_gate)
        {
            DateTimeOffset now = _time.GetUtcNow();
            changed = OpenUntil(CircuitOf(endpoint), now, now + (wait < _options.MaxRetryAfterHold ? wait : _options.MaxRetryAfterHold), reason, EndpointFailureKind.ServerError);
        }

        Raise(changed);
    }

    /// <summary>An admitted request ended without a verdict on the host (its caller cancelled): a trial slot is freed for the next caller.</summary>
    public void ReportAbandoned(string endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        lock (_gate)
        {
            EndpointCircuit circuit = CircuitOf(endpoint);
            if (circuit.State == EndpointCircuitState.HalfOpen)
            {
                circuit.TrialStartedAt = null;
            }
        }
    }

    /// <summary>A background probe's result (<c>/api/tags</c>, <c>/v1/models</c>). A failed probe counts as the host being
    /// unreachable. A good probe closes the circuit when the host had been unreachable (it is back) or the cooldown is over
    /// (the probe is the trial); a host that failed with server errors keeps its cooldown, since listing models says little
    /// about generating.</summary>
    public void ReportProbe(string endpoint, bool ok, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        if (!ok)
        {
            ReportFailure(endpoint, EndpointFailureKind.Unreachable, reason);
            return;
        }

        EndpointHealthSnapshot? changed = null;
        lock (_gate)
        {
            EndpointCircuit circuit = CircuitOf(endpoint);
            bool mayClose = circuit.State != EndpointCircuitState.Open
                || circuit.LastFailureKind == EndpointFailureKind.Unreachable
                || _time.GetUtcNow() >= circuit.OpenUntil;
            if (mayClose && circuit.State != EndpointCircuitState.Closed)
            {
                changed = Close(circuit);
            }
        }

        Raise(changed);
    }

    /// <summary>Another router found <paramref name="endpoint"/> down until <paramref name="until"/>: its circuit opens here too, for
    /// at most <see cref="EndpointHealthOptions.MaxPeerHold"/>, as if it were unreachable (so a good probe here closes it at once).
    /// A notice already past, or one that would shorten a longer opening seen here, changes nothing. True when it opened.</summary>
    public bool ApplyPeerOpening(string endpoint, DateTimeOffset until, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        EndpointHealthSnapshot? changed;
        lock (_gate)
        {
            DateTimeOffset now = _time.GetUtcNow();
            DateTimeOffset bounded = until < now + _options.MaxPeerHold ? until : now + _options.MaxPeerHold;
            changed = OpenUntil(CircuitOf(endpoint), now, bounded, reason, EndpointFailureKind.Unreachable) is { } opened ? opened with { FromPeer = true } : null;
        }

        Raise(changed);
        return changed is not null;
    }

    /// <summary>Opens the circuit until <paramref name="until"/>, unless that is past or an opening already lasts as long; the
    /// new state when it changed. Called under the lock.</summary>
    private static EndpointHealthSnapshot? OpenUntil(EndpointCircuit circuit, DateTimeOffset now, DateTimeOffset until, string reason, EndpointFailureKind kind)
    {
        if (until <= now || (circuit.State == EndpointCircuitState.Open && circuit.OpenUntil >= until))
        {
            return null;
        }

        circuit.State = EndpointCircuitState.Open;
        circuit.OpenUntil = until;
        circuit.TrialStartedAt = null;
        circuit.LastChange = now;
        circuit.LastError = reason;
        circuit.LastFailureKind = kind;
        return circuit.Snapshot();
    }

    /// <summary>The endpoint's health now (closed with no failures when never reported on).</summary>
    public EndpointHealthSnapshot Snapshot(string endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        lock (_gate)
        {
            return _circuits.TryGetValue(endpoint, out EndpointCircuit? circuit)
                ? circuit.Snapshot()
                : new EndpointHealthSnapshot(endpoint, EndpointCircuitState.Closed, 0, null, null, null);
        }
    }

    /// <summary>Every endpoint reported on so far, by name.</summary>
    public IReadOnlyList<EndpointHealthSnapshot> SnapshotAll()
    {
        lock (_gate)
        {
            return _circuits.Values.OrderBy(c => c.Endpoint, StringComparer.Ordinal).Select(c => c.Snapshot()).ToList();
        }
    }

    private EndpointCircuit CircuitOf(string endpoint)
    {
        if (!_circuits.TryGetValue(endpoint, out EndpointCircuit? circuit))
        {
            circuit = new EndpointCircuit(endpoint);
            _circuits[endpoint] = circuit;
        }

        return circuit;
    }

    private EndpointHealthSnapshot Open(EndpointCircuit circuit)
    {
        DateTimeOffset now = _time.GetUtcNow();
        circuit.Openings++;
        double factor = Math.Pow(2, Math.Min(circuit.Openings - 1, 30));
        TimeSpan cooldown = TimeSpan.FromTicks((long)Math.Min(_options.BaseCooldown.Ticks * factor, _options.MaxCooldown.Ticks));
        circuit.State = EndpointCircuitState.Open;
        circuit.OpenUntil = now + cooldown;
        circuit.TrialStartedAt = null;
        circuit.LastChange = now;
        return circuit.Snapshot();
    }

    private EndpointHealthSnapshot? Close(EndpointCircuit circuit)
    {
        bool wasClosed = circuit.State == EndpointCircuitState.Closed;
        circuit.ConsecutiveFailures = 0;
        circuit.Openings = 0;
        circuit.LastError = null;
        circuit.LastFailureKind = null;
        circuit.TrialStartedAt = null;
        if (wasClosed)
        {
            return null;
        }

        circuit.State = EndpointCircuitState.Closed;
        circuit.LastChange = _time.GetUtcNow();
        return circuit.Snapshot();
    }

    private static EndpointAdmission Refusal(EndpointCircuit circuit, string what) =>
        new(false, false, circuit.OpenUntil, circuit.LastError is { } error ? $"{what} (last error: {error})" : what);

    private void Raise(EndpointHealthSnapshot? changed)
    {
        if (changed is not null)
        {
            StateChanged?.Invoke(this, changed);
        }
    }

    private static string Clock(DateTimeOffset at) => at.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}

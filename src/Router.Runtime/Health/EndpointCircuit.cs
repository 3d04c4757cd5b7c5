namespace Router.Runtime.Health;

/// <summary>The mutable health of one endpoint; only touched under the tracker's lock.</summary>
internal sealed class EndpointCircuit(string endpoint)
{
    public string Endpoint { get; } = endpoint;
    public EndpointCircuitState State { get; set; } = EndpointCircuitState.Closed;
    public int ConsecutiveFailures { get; set; }

    /// <summary>Times the circuit opened since the last success; each one doubles the cooldown.</summary>
    public int Openings { get; set; }

    public string? LastError { get; set; }
    public EndpointFailureKind? LastFailureKind { get; set; }
    public DateTimeOffset OpenUntil { get; set; }
    public DateTimeOffset? TrialStartedAt { get; set; }
    public DateTimeOffset? LastChange { get; set; }

    public EndpointHealthSnapshot Snapshot() => new(
        Endpoint,
        State,
        ConsecutiveFailures,
        LastError,
        State == EndpointCircuitState.Closed ? null : OpenUntil,
        LastChange);
}

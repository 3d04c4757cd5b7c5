namespace Router.Runtime.Health;

/// <summary>Whether requests may go to an endpoint: closed (yes), open (no, until its cooldown ends), half-open (one trial).</summary>
public enum EndpointCircuitState
{
    /// <summary>Healthy, or not failed often enough to stop using it.</summary>
    Closed,

    /// <summary>Failed: skipped without being contacted until the cooldown ends.</summary>
    Open,

    /// <summary>The cooldown ended and one trial (a request or a probe) is under way; its result closes or reopens the circuit.</summary>
    HalfOpen,
}

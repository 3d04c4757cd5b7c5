namespace Router.Runtime.Health;

/// <summary>One endpoint's health at a moment, for status notifications and `router doctor`.</summary>
/// <param name="ConsecutiveFailures">Failures since the last success.</param>
/// <param name="LastError">The last failure's reason (names host and model, never a key or prompt text); null after a success.</param>
/// <param name="OpenUntil">When an open circuit lets a trial through; null unless open.</param>
/// <param name="LastChange">When the state last changed; null when it never did.</param>
public sealed record EndpointHealthSnapshot(
    string Endpoint,
    EndpointCircuitState State,
    int ConsecutiveFailures,
    string? LastError,
    DateTimeOffset? OpenUntil,
    DateTimeOffset? LastChange)
{
    /// <summary>The circuit was opened by another router's notice (shared health), not by a failure seen here.</summary>
    public bool FromPeer { get; init; }
}

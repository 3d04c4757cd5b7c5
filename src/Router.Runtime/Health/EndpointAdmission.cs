namespace Router.Runtime.Health;

/// <summary>The tracker's answer to "may a request go to this endpoint now?".</summary>
/// <param name="Allowed">True when the request may go.</param>
/// <param name="IsTrial">The request is the half-open trial: its result closes or reopens the circuit.</param>
/// <param name="OpenUntil">For a refusal: when the next trial will be let through.</param>
/// <param name="Reason">For a refusal: why, in words ("circuit open until 14:02:31 (last error: …)").</param>
public sealed record EndpointAdmission(bool Allowed, bool IsTrial, DateTimeOffset? OpenUntil, string Reason)
{
    public static EndpointAdmission Go { get; } = new(true, false, null, "healthy");
}

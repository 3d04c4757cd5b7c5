namespace Router.Runtime.Health.Postgres;

/// <summary>What one router tells the others through PostgreSQL when an endpoint's circuit opens: which endpoint, until when
/// (Unix milliseconds, UTC), who says so (to skip its own notices) and the last error in one short line.</summary>
internal sealed record CircuitNotice(string Endpoint, long UntilUnixMs, string Origin, string? Reason);

namespace Router.Core.Configuration;

/// <summary>A signal-less chat stays on code when MinCodeTurns of the last Window turns, each at most MaxAgeMinutes old, were on code.</summary>
public sealed record ContinuityConfig(int Window, int MinCodeTurns, double MaxAgeMinutes);

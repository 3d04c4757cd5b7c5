namespace Router.Core.Placement;

/// <summary>A model a host serves, with what keeping it resident costs and saves.</summary>
/// <param name="Model">The model's name, e.g. "qwen2.5-coder:14b".</param>
/// <param name="VramBytes">GPU memory it takes loaded (<see cref="VramEstimate.Total"/>).</param>
/// <param name="RequestsPerHour">How often it is asked for on this host.</param>
/// <param name="LoadSeconds">What one cold load of it costs here, measured or predicted.</param>
public sealed record PlacementCandidate(string Model, long VramBytes, double RequestsPerHour, double LoadSeconds)
{
    /// <summary>Load time saved an hour by keeping it resident: rate × load time.</summary>
    public double SavedSecondsPerHour => Math.Max(0, RequestsPerHour) * Math.Max(0, LoadSeconds);
}

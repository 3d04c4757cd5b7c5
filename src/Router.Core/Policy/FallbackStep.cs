using Router.Core.Requests;

namespace Router.Core.Policy;

/// <summary>One place a request may go at run time when the chosen endpoint is unhealthy.</summary>
public sealed record FallbackStep(Tier Tier, string Model, string Endpoint);

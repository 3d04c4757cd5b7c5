namespace Router.Cli.Routing;

/// <summary>One step of a decision's fallback chain on the wire.</summary>
internal sealed record FallbackStepLine(string Tier, string Model, string Endpoint);

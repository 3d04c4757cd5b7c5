namespace Router.Core.Usage.Reporting;

/// <summary>Requests that fell back or escalated to a tier and model, grouped by the decision's reasons.</summary>
/// <param name="Kind">"fallback" or "escalation".</param>
public sealed record RerouteCount(string Kind, string Tier, string Model, string Reasons, int Requests);

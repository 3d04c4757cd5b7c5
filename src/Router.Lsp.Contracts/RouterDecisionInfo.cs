namespace Router.Lsp.Contracts;

/// <summary>One answered request as "Why this model?" shows it: the route, the policy's reasons, the time and what happened at run time.</summary>
public sealed record RouterDecisionInfo(
    string Id,
    string Kind,
    string Tier,
    string Model,
    string Endpoint,
    IReadOnlyList<string> Reasons,
    double LatencyMs,
    IReadOnlyList<string> Fallbacks,
    string? Escalation = null);

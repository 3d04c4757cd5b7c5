namespace Router.Cli.Routing;

/// <summary>One decision line written by `router route --json`.</summary>
internal sealed record RouteDecisionLine(
    string Id,
    string Tier,
    string Model,
    string Endpoint,
    bool LocalOnly,
    int EstimatedPromptTokens,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<FallbackStepLine> Fallbacks,
    IReadOnlyList<string> Escalation);

using Router.Core.Requests;

namespace Router.Core.Configuration;

/// <summary>The model a tier runs, the endpoints that serve it (first is preferred) and its context size.</summary>
public sealed record TierConfig(
    Tier Tier,
    string Model,
    IReadOnlyList<string> Endpoints,
    int ContextTokens,
    double UsdPerMillionInput,
    double UsdPerMillionOutput);

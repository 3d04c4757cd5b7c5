using Router.Core.Privacy;
using Router.Core.Requests;

namespace Router.Core.Policy;

/// <summary>Where a request goes and why: tier, model, endpoint, privacy, token estimate, reasons in plain words,
/// and the fallback chain and escalation path that apply at run time.</summary>
/// <param name="LocalOnly">True exactly when the request is private: nothing of it may reach a cloud endpoint.</param>
/// <param name="FallbackChain">Endpoints to try, in order, when the chosen one is unhealthy (cloud ones removed when private).</param>
/// <param name="EscalationPath">Tiers a weak answer may be retried on, next first; empty for completions and for a model
/// the user named that is no tier's model.</param>
public sealed record RouteDecision(
    string Id,
    Tier Tier,
    string Model,
    string Endpoint,
    bool LocalOnly,
    int EstimatedPromptTokens,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<FallbackStep> FallbackChain,
    IReadOnlyList<Tier> EscalationPath)
{
    /// <summary>The editor setting that chose <see cref="Model"/> (<c>router.models.explain</c>); null when the model is the routed one.</summary>
    public string? ModelSetting { get; init; }

    /// <summary>Why the request is private (the detector that found a secret, a private path, or a local-only workspace); null
    /// when it is not. Never holds the secret itself.</summary>
    public PrivacyFinding? PrivateBecause { get; init; }

    /// <summary>For a model the client named that is no tier's model, routed by the hosts' model lists: which endpoints list
    /// it and which privacy kept off; null otherwise.</summary>
    public ModelPassThrough? PassThrough { get; init; }
}

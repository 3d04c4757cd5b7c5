using Router.Core.Requests;

namespace Router.Core.Configuration;

/// <summary>A validated router configuration: hosts, tiers, route table, fallbacks, escalation, continuity, privacy and budget.</summary>
/// <param name="Source">The file it was read from, or "(built-in default)".</param>
public sealed record RouterConfig(
    string Source,
    IReadOnlyDictionary<string, EndpointConfig> Endpoints,
    IReadOnlyDictionary<Tier, TierConfig> Tiers,
    RouteTable Routes,
    IReadOnlyDictionary<Tier, IReadOnlyList<Tier>> Fallbacks,
    IReadOnlyList<Tier> Escalation,
    ContinuityConfig Continuity,
    PrivacyConfig Privacy,
    BudgetConfig Budget)
{
    /// <summary>How long each kind of request waits on hosts; the defaults unless router.yaml sets <c>deadlines</c>.</summary>
    public DeadlinesConfig Deadlines { get; init; } = DeadlinesConfig.Default;

    /// <summary>The line of every key the file wrote, by its dotted path ("tiers.code.model" → 12); empty for the built-in
    /// default. Kept with the configuration so a last good one still names the lines it was read from.</summary>
    public IReadOnlyDictionary<string, long> KeyLines { get; init; } = EmptyKeyLines;

    private static readonly IReadOnlyDictionary<string, long> EmptyKeyLines = new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>The built-in default (one Ollama at http://localhost:11434, no frontier).</summary>
    public static RouterConfig Default => DefaultRouterConfig.Instance;

    /// <summary>True when the tier has a model and at least one defined endpoint.</summary>
    public bool IsConfigured(Tier tier) =>
        Tiers.TryGetValue(tier, out TierConfig? config) && config.Endpoints.Any(Endpoints.ContainsKey);

    /// <summary>The tier's endpoints in preference order, optionally without cloud ones.</summary>
    public IEnumerable<EndpointConfig> EndpointsOf(Tier tier, bool localOnly)
    {
        if (!Tiers.TryGetValue(tier, out TierConfig? config))
        {
            yield break;
        }

        foreach (string name in config.Endpoints)
        {
            if (Endpoints.TryGetValue(name, out EndpointConfig? endpoint) && !(localOnly && endpoint.Cloud))
            {
                yield return endpoint;
            }
        }
    }

    /// <summary>The tier's fallback tiers, or none.</summary>
    public IReadOnlyList<Tier> FallbacksOf(Tier tier) =>
        Fallbacks.TryGetValue(tier, out IReadOnlyList<Tier>? chain) ? chain : [];
}

namespace Router.Core.Placement;

/// <summary>Which models each host keeps resident, and what every request to those hosts must carry to keep it so: a
/// keep_alive per model (forever for a kept model, short for the others) and the same context every time.</summary>
public sealed record PlacementPlan(IReadOnlyList<HostPlacement> Hosts, IReadOnlyList<UnplacedModel> Unplaced, IReadOnlyList<PlacementHost> Facts)
{
    /// <summary>keep_alive of a model the plan keeps: never unloaded, and last in Ollama's eviction order.</summary>
    public const string KeptKeepAlive = "-1";

    /// <summary>keep_alive of a model the plan does not keep: freed soon for the next transient one. Also the
    /// OLLAMA_KEEP_ALIVE to set, for requests from other clients that name none.</summary>
    public const string TransientKeepAlive = "2m";

    public static PlacementPlan Empty { get; } = new([], [], []);

    /// <summary>The keep_alive a request for <paramref name="model"/> on <paramref name="endpoint"/> carries; null when the plan
    /// knows nothing of that host (the request keeps whatever it had).</summary>
    public string? KeepAliveFor(string endpoint, string model)
    {
        HostPlacement? host = Hosts.FirstOrDefault(h => string.Equals(h.Host, endpoint, StringComparison.Ordinal));
        return host is null ? null : host.Keeps(model) ? KeptKeepAlive : TransientKeepAlive;
    }

    /// <summary>The context <paramref name="model"/> is loaded with on <paramref name="endpoint"/>; null when the plan has no figure.</summary>
    public int? ContextFor(string endpoint, string model) =>
        Facts.FirstOrDefault(h => string.Equals(h.Endpoint, endpoint, StringComparison.Ordinal))?.Models
            .FirstOrDefault(m => string.Equals(m.Model, model, StringComparison.Ordinal))?.ContextTokens;
}

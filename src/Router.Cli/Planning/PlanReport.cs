namespace Router.Cli.Planning;

/// <summary>`router plan --json`: per host what to keep resident and the Ollama settings that fit it.</summary>
/// <param name="Rates">Where the request rates came from: "default mix" or the rates file.</param>
internal sealed record PlanReport(string Config, string Rates, IReadOnlyList<PlanHost> Hosts, IReadOnlyList<PlanUnplaced> Unplaced)
{
    /// <summary>Where the load times came from: the cold loads `router bench` measured, or the default throughput.</summary>
    public string? LoadTimes { get; init; }
}

/// <summary>One host's placement; a null budget means neither router.yaml nor the host told its GPU memory.</summary>
internal sealed record PlanHost(
    string Endpoint,
    long? BudgetBytes,
    string BudgetSource,
    IReadOnlyList<PlanModel> Models,
    int? MaxLoadedModels,
    string? KeepAlive,
    double SavedSecondsPerHour);

/// <summary>A model on a host: "keep", "transient", "displacing" (serving it unloads kept models) or "too large".</summary>
internal sealed record PlanModel(
    string Model,
    string Placement,
    long VramBytes,
    bool VramReported,
    int ContextTokens,
    double RequestsPerHour,
    double LoadSeconds,
    string? KeepAlive);

/// <summary>A tier's model that fits on none of its hosts, and the numbers.</summary>
internal sealed record PlanUnplaced(string Tier, string Model, string Reason);

namespace Router.Lsp.Contracts;

/// <summary>Parameters of <c>router/status</c>: what served the last request, the hosts' health, warm models and today's spend,
/// for a status bar. <see cref="Message"/> tells the user what to do when something is wrong.</summary>
/// <param name="Severity">"info", "warning" or "error".</param>
public sealed record RouterStatusParams(
    IReadOnlyList<RouterHostStatus> Hosts,
    double SpentTodayUsd,
    string? Tier = null,
    string? Model = null,
    string? Endpoint = null,
    string? Message = null,
    string? Severity = null)
{
    /// <summary>The editor setting that chose the last request's model ("router.models.completion"); null when it was routed.</summary>
    public string? ModelSetBy { get; init; }

    /// <summary>Today's requests per tier, most first, from the usage ledger (every router process of the user); null when the
    /// server keeps no ledger or has not read it yet.</summary>
    public IReadOnlyList<RouterTierShare>? TodayShares { get; init; }
}

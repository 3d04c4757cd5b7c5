namespace Router.Core.Usage.Reporting;

/// <summary>Where the compute went over a window of the usage ledger: routes, latency, acceptance, cold loads, reroutes,
/// spend against budget, and what routing saved against one big model. Built by <see cref="UsageReportBuilder"/>.</summary>
public sealed record UsageReport(
    DateTimeOffset Since,
    DateTimeOffset Until,
    int Requests,
    IReadOnlyList<TierShare> Tiers,
    IReadOnlyList<RouteShare> Routes,
    IReadOnlyList<LatencyPercentiles> Latency,
    IReadOnlyList<AcceptanceRate> AcceptanceByModel,
    IReadOnlyList<AcceptanceRate> Acceptance,
    IReadOnlyList<ColdLoadCount> ColdLoads,
    IReadOnlyList<RerouteCount> Reroutes,
    SpendStanding Spend,
    SingleModelSavings Savings);

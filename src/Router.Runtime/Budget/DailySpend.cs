namespace Router.Runtime.Budget;

/// <summary>One day's cloud spend, in total and by endpoint and tier, for reports.</summary>
/// <param name="Date">The local calendar day.</param>
/// <param name="Requests">How many priced answers were recorded that day.</param>
/// <param name="ByEndpoint">Dollars by endpoint name.</param>
/// <param name="ByTier">Dollars by tier name ("frontier").</param>
public sealed record DailySpend(
    DateOnly Date,
    double Usd,
    int Requests,
    IReadOnlyDictionary<string, double> ByEndpoint,
    IReadOnlyDictionary<string, double> ByTier);

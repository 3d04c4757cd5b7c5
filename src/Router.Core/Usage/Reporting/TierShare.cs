namespace Router.Core.Usage.Reporting;

/// <summary>A tier's share of the window's requests ("72% of requests went to code").</summary>
public sealed record TierShare(string Tier, int Requests, double Share);

using Router.Core.Requests;

namespace Router.Runtime.Usage;

/// <summary>One local day's totals for one tier, model and language, as the ledger keeps them beside the request rows.</summary>
/// <param name="Latency">The sum of the requests' latencies (divide by <paramref name="Requests"/> for the mean).</param>
/// <param name="ColdLoads">Requests that had to wait for the model to load.</param>
public sealed record UsageRollup(
    DateOnly Day,
    Tier Tier,
    string Model,
    string Language,
    int Requests,
    long InputTokens,
    long OutputTokens,
    TimeSpan Latency,
    int ColdLoads,
    int FellBack,
    int Escalated,
    decimal CostUsd,
    int Answered,
    int Shown,
    int Accepted,
    int Dismissed,
    int Cancelled,
    int Failed,
    long AcceptedCharacters);

namespace Router.Core.Usage.Reporting;

/// <summary>One route (a tier and the model that served it) and its share of the window's requests, tokens and time.</summary>
/// <param name="Tokens">Input plus output tokens.</param>
/// <param name="Seconds">Total latency of its requests.</param>
public sealed record RouteShare(
    string Tier,
    string Model,
    bool IsCloud,
    int Requests,
    double RequestShare,
    long Tokens,
    double TokenShare,
    double Seconds,
    double TimeShare);

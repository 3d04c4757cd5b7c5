namespace Router.Core.Usage.Reporting;

/// <summary>What routing saved against sending every request to one big model, from the user's own ledger.</summary>
/// <remarks>Only served requests count (answered, shown, accepted, dismissed). Waiting time is their latency; GPU-seconds
/// are the latency of those served locally (a cloud request holds no local GPU). Had they all gone to <c>heavy</c>, each
/// would have taken its prompt tokens at heavy's measured prompt speed plus its output tokens at heavy's measured output
/// speed, on a local GPU, without a cold load; had they all gone to <c>frontier</c>, each would have cost its tokens at
/// frontier's prices.</remarks>
/// <param name="Heavy">Heavy's measured speed; null when the window has no heavy request to measure it on.</param>
/// <param name="HeavyWaitingSeconds">The waiting time (and GPU-seconds) had everything gone to heavy; null without <see cref="Heavy"/>.</param>
/// <param name="FrontierUsd">The cost had everything gone to frontier; null when no frontier is priced.</param>
public sealed record SingleModelSavings(
    int Requests,
    double WaitingSeconds,
    double GpuSeconds,
    decimal CostUsd,
    ModelSpeed? Heavy,
    double? HeavyWaitingSeconds,
    decimal? FrontierUsd);

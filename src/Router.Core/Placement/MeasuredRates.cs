using Router.Core.Requests;

namespace Router.Core.Placement;

/// <summary>Requests an hour per tier and model as the usage ledger measured them, and how much they rest on.</summary>
/// <param name="Requests">The requests counted.</param>
/// <param name="ActiveHours">The clock hours with at least one request, the rates' denominator.</param>
public sealed record MeasuredRates(IReadOnlyDictionary<(Tier Tier, string Model), double> RequestsPerHour, int Requests, int ActiveHours);

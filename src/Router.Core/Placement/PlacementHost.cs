namespace Router.Core.Placement;

/// <summary>A local host to place models on: its GPU memory, where that figure came from, and its models.</summary>
/// <param name="BudgetBytes">GPU memory models may fill; null when neither router.yaml nor the host tells.</param>
/// <param name="BudgetSource">Where <paramref name="BudgetBytes"/> came from ("vramGb in router.yaml", "/api/ps").</param>
public sealed record PlacementHost(string Endpoint, long? BudgetBytes, string BudgetSource, IReadOnlyList<PlacementModel> Models);

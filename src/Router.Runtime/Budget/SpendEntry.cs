using Router.Core.Requests;

namespace Router.Runtime.Budget;

/// <summary>One priced answer recorded but not yet written to the spend file.</summary>
internal sealed record SpendEntry(DateOnly Date, string Endpoint, Tier Tier, decimal Usd);

namespace Router.Runtime.Budget;

/// <summary>A budget of its own inside the configuration's cloud budget, e.g. one gateway key's: a request in the scope
/// is granted only when both the configuration's budget and the scope's have room.</summary>
/// <param name="Name">Unique among scopes and stable across processes, e.g. <c>key:ci-bot</c>.</param>
/// <param name="DailyUsd">What the scope may spend in a local day; null for no limit of its own.</param>
/// <param name="MonthlyUsd">What the scope may spend in a calendar month; null for no limit of its own.</param>
public sealed record BudgetScope(string Name, decimal? DailyUsd, decimal? MonthlyUsd = null);

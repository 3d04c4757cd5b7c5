namespace Router.Core.Configuration;

/// <summary>Daily cloud spend limit and the tokens kept free in a context window for the answer.</summary>
public sealed record BudgetConfig(double DailyUsd, int OutputReserveTokens);

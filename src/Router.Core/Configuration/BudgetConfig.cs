namespace Router.Core.Configuration;

/// <summary>Daily cloud spend limit and the tokens kept free in a context window for the answer.</summary>
public sealed record BudgetConfig(double DailyUsd, int OutputReserveTokens)
{
    /// <summary>The largest daily budget router.yaml or an editor setting may give.</summary>
    public const double MaxDailyUsd = 1_000_000;
}

namespace Router.Core.Configuration;

/// <summary>Daily cloud spend limit and the tokens kept free in a context window for the answer.</summary>
public sealed record BudgetConfig(double DailyUsd, int OutputReserveTokens)
{
    /// <summary>The largest daily budget router.yaml or an editor setting may give.</summary>
    public const double MaxDailyUsd = 1_000_000;

    /// <summary>The largest monthly budget router.yaml may give.</summary>
    public const double MaxMonthlyUsd = 100_000_000;

    /// <summary>Cloud spend limit for the local calendar month; null sets none (only the daily one holds).</summary>
    public double? MonthlyUsd { get; init; }
}

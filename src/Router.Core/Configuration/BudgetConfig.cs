namespace Router.Core.Configuration;

/// <summary>Cloud spend limits, how far fallback and escalation may spend, and the tokens kept free in a context window for the answer.</summary>
public sealed record BudgetConfig(double DailyUsd, int OutputReserveTokens)
{
    /// <summary>The largest daily budget router.yaml or an editor setting may give.</summary>
    public const double MaxDailyUsd = 1_000_000;

    /// <summary>The largest monthly budget router.yaml may give.</summary>
    public const double MaxMonthlyUsd = 100_000_000;

    /// <summary>Cloud spend limit for the local calendar month; null sets none (only the daily one holds).</summary>
    public double? MonthlyUsd { get; init; }

    /// <summary>The preset the budget started from (<c>budget.preset</c>); null when router.yaml names none.</summary>
    public string? Preset { get; init; }

    /// <summary>The dearest billing a fallback may use; null allows any.</summary>
    public Billing? FallbackBilling { get; init; }

    /// <summary>The dearest billing an escalation may use; null allows any.</summary>
    public Billing? EscalationBilling { get; init; }
}

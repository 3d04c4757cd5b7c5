namespace Router.Core.Configuration;

/// <summary>A named budget block (router.yaml <c>budget.preset</c>): limits and how far fallback and escalation may spend.
/// Keys written beside the preset override its values.</summary>
/// <param name="FallbackBilling">The dearest billing a fallback may use.</param>
/// <param name="EscalationBilling">The dearest billing an escalation may use.</param>
public sealed record BudgetPreset(string Name, double DailyUsd, double MonthlyUsd, Billing FallbackBilling, Billing EscalationBilling)
{
    /// <summary>Local first, a light cloud fallback when no local host answers; escalation stays on free hosts.</summary>
    public static BudgetPreset Lean { get; } = new("lean", 1, 10, Billing.Metered, Billing.Free);

    /// <summary>Local, then subscription or delegated cloud (Ollama's cloud); no per-token API.</summary>
    public static BudgetPreset Balanced { get; } = new("balanced", 5, 50, Billing.Subscription, Billing.Subscription);

    /// <summary>Metered API escalation allowed, within a larger budget.</summary>
    public static BudgetPreset ScaleUp { get; } = new("scale-up", 25, 300, Billing.Metered, Billing.Metered);

    public static IReadOnlyList<BudgetPreset> All { get; } = [Lean, Balanced, ScaleUp];

    public const string Listing = "lean, balanced or scale-up";
}

namespace Router.Runtime.Budget;

/// <summary>Cloud spend as the ledger last saw it, across every process sharing it: settled and reserved, today and this month.</summary>
public sealed record BudgetStanding(decimal SpentToday, decimal ReservedToday, decimal SpentThisMonth, decimal ReservedThisMonth)
{
    public static BudgetStanding Zero { get; } = new(0, 0, 0, 0);

    /// <summary>What counts against today's budget: spent plus set aside for requests in flight.</summary>
    public decimal CommittedToday => SpentToday + ReservedToday;

    public decimal CommittedThisMonth => SpentThisMonth + ReservedThisMonth;
}

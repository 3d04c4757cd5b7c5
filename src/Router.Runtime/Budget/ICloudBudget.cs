namespace Router.Runtime.Budget;

/// <summary>
/// The cloud budget shared by every router process that uses the same ledger: before a priced cloud request its estimated
/// cost is reserved (refused when it would take today's or this month's spend and reservations past the budget, or past
/// its scope's), and after it the reservation is settled with the real cost. Implementations: <see cref="CloudBudget"/>
/// on the SQLite ledger of one person; a team store shared across machines.
/// </summary>
public interface ICloudBudget
{
    /// <summary>The last known standing of the configuration's budget, without waiting for the store: what the policy and the
    /// status bar read on every request.</summary>
    BudgetStanding Standing { get; }

    /// <summary>Reads the standing from the store now.</summary>
    Task<BudgetStanding> RefreshAsync(CancellationToken cancellationToken);

    /// <summary>Sets the claim's cost aside, unless the configuration's budget or the claim's scope has no room for it.</summary>
    Task<BudgetReservation> ReserveAsync(BudgetClaim claim, CancellationToken cancellationToken);

    /// <summary>Replaces a granted reservation by the request's real cost (0 when it failed or was cancelled before an answer).
    /// Never throws for the store's sake: a reservation that cannot be settled expires on its own.</summary>
    Task SettleAsync(BudgetReservation reservation, decimal usd, CancellationToken cancellationToken);
}

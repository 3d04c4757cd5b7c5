namespace Router.Runtime.Budget;

/// <summary>Cloud money set aside for one request before it is sent, or why none could be.</summary>
/// <param name="Id">The reservation's id in the ledger; settle it with the request's real cost.</param>
/// <param name="Usd">The amount set aside (the request's estimated cost).</param>
/// <param name="Day">The local day it counts against.</param>
/// <param name="Refusal">Why the request may not be sent ("over the daily budget …"); null when granted.</param>
public sealed record BudgetReservation(string Id, decimal Usd, DateOnly Day, string? Refusal)
{
    public bool Granted => Refusal is null;
}

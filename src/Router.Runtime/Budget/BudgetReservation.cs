namespace Router.Runtime.Budget;

/// <summary>Cloud money set aside for one request before it is sent, or why none could be.</summary>
/// <param name="Id">The reservation's id in the ledger; settle it with the request's real cost.</param>
/// <param name="Claim">What was asked for: endpoint, tier, estimated cost and scope.</param>
/// <param name="Day">The local day it counts against.</param>
/// <param name="Refusal">Why the request may not be sent ("over the daily budget …"); null when granted.</param>
public sealed record BudgetReservation(string Id, BudgetClaim Claim, DateOnly Day, string? Refusal)
{
    public bool Granted => Refusal is null;

    /// <summary>The amount set aside (the request's estimated cost).</summary>
    public decimal Usd => Claim.Usd;
}

namespace Router.Runtime.Budget.Postgres;

/// <summary>How large a slice of the team budget one process leases at a time, and when it gives back what it did not use.</summary>
public sealed record PostgresBudgetOptions
{
    /// <summary>A lease covers about this many requests of the size that asked for it…</summary>
    public int LeaseRequests { get; init; } = 8;

    /// <summary>…or this share of the daily budget, whichever is more; never more than a quarter of what is left, so the last
    /// dollars are spread in ever smaller slices rather than held by one process.</summary>
    public decimal LeaseShareOfDay { get; init; } = 0.02m;

    /// <summary>A lease not used for this long is given back, so an idle process holds none of the budget.</summary>
    public TimeSpan IdleReturn { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often idle leases are given back and returned leases' late settlements written.</summary>
    public TimeSpan UpkeepInterval { get; init; } = TimeSpan.FromMilliseconds(500);
}

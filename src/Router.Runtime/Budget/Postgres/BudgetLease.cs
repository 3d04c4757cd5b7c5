namespace Router.Runtime.Budget.Postgres;

/// <summary>A slice of one budget scope's day that PostgreSQL granted to this process, spent locally by its reservations.
/// Fields change under the lease's own lock.</summary>
internal sealed class BudgetLease(Guid id, string scope, DateOnly day, long leasedNano)
{
    public Guid Id { get; } = id;
    public string Scope { get; } = scope;
    public DateOnly Day { get; } = day;
    public long LeasedNano { get; } = leasedNano;

    /// <summary>Settled costs plus the estimates of reservations still in flight.</summary>
    public long UsedNano { get; set; }

    public int InFlight { get; set; }
    public DateTimeOffset LastUsed { get; set; }

    /// <summary>Given back to the database: what is left unused counts for no one; later settlements correct its spend.</summary>
    public bool Returned { get; set; }

    /// <summary>A returned lease whose spend changed since it was last written.</summary>
    public bool Dirty { get; set; }

    public long RemainingNano => LeasedNano - UsedNano;
}

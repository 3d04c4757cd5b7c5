namespace Router.Runtime.Budget.Postgres;

/// <summary>One budget scope's lease in use by this process; <see cref="Gate"/> lets one reservation at a time take or replace it.</summary>
internal sealed class ScopeAccount
{
    public SemaphoreSlim Gate { get; } = new(1, 1);
    public BudgetLease? Current { get; set; }
}

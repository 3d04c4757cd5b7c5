namespace Router.Runtime.Usage.Postgres;

/// <summary>How the team ledger reaches PostgreSQL and what it does while it cannot.</summary>
/// <param name="SpoolDirectory">Where rows wait while PostgreSQL is unreachable (a folder in the state folder).</param>
public sealed record PostgresLedgerOptions(string SpoolDirectory)
{
    /// <summary>Most bytes one process keeps in its spool (about 300 bytes a row); past it rows are dropped and counted.</summary>
    public long SpoolMaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>How often sending the spool is tried again while PostgreSQL is away.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long closing the ledger still tries to send what is queued or spooled; what is left stays in the spool file
    /// for the next process to send.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Who this process's rows are booked for, when a row names no one (<c>router report --team</c> shows it hashed
    /// unless the team opted in to names); null books rows with no user.</summary>
    public string? User { get; init; }

    /// <summary>How the team budget leases its slices.</summary>
    public Router.Runtime.Budget.Postgres.PostgresBudgetOptions Leases { get; init; } = new();
}

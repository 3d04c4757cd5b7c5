namespace Router.Core.Configuration;

/// <summary>Where the usage ledger lives and how long it keeps its request rows (router.yaml <c>ledger</c>).</summary>
/// <param name="RetentionDays">Request rows older than this are deleted (<c>ledger.retentionDays</c>).</param>
public sealed record LedgerConfig(int RetentionDays)
{
    public const int MaxRetentionDays = 3650;

    public static LedgerConfig Default { get; } = new(90);

    /// <summary>SQLite on this machine, or a team's PostgreSQL (<c>ledger.provider</c>).</summary>
    public LedgerProvider Provider { get; init; } = LedgerProvider.Sqlite;

    /// <summary>The environment variable holding the PostgreSQL connection string (<c>ledger.connectionEnv</c>); the string itself
    /// never comes from the file.</summary>
    public string? ConnectionEnv { get; init; }

    /// <summary>Whether <c>router report --team</c> shows users by name; by default it shows a hashed id (<c>ledger.shareNames</c>).</summary>
    public bool ShareNames { get; init; }
}

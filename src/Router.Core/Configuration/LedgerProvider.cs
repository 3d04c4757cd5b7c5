namespace Router.Core.Configuration;

/// <summary>Where the usage ledger and the cloud budget live (router.yaml <c>ledger.provider</c>).</summary>
public enum LedgerProvider
{
    /// <summary>The embedded default for one person: <c>usage.db</c> in the state folder.</summary>
    Sqlite,

    /// <summary>One PostgreSQL database shared by a team's routers; the connection string comes from the environment.</summary>
    Postgres,
}

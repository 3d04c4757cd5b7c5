namespace Router.Runtime.Usage.Postgres;

/// <summary>One step of the team ledger's schema: applied once, in order of <paramref name="Version"/>, never changed once shipped.</summary>
internal sealed record PostgresMigration(int Version, string Description, string Sql);

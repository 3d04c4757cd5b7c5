namespace Router.Runtime.Benchmarks;

/// <summary>`router bench`'s table in the usage ledger's database, versioned apart from the ledger's own tables (meta key
/// <c>bench_schema</c>) so that each migrates on its own.</summary>
internal static class BenchSchema
{
    public const int Version = 1;

    public const string VersionKey = "bench_schema";

    /// <summary>Each step takes the table from the version before it to its own; step i makes version i + 1.</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS bench_results(
            run_id TEXT NOT NULL,
            at_ticks INTEGER NOT NULL,
            host TEXT NOT NULL,
            endpoint TEXT NOT NULL,
            model TEXT NOT NULL,
            digest TEXT,
            model_bytes INTEGER,
            tier TEXT NOT NULL,
            task_kind TEXT NOT NULL,
            metric TEXT NOT NULL,
            median REAL NOT NULL,
            low REAL NOT NULL,
            high REAL NOT NULL,
            samples INTEGER NOT NULL,
            PRIMARY KEY(run_id, endpoint, model, tier, task_kind, metric));
        CREATE INDEX IF NOT EXISTS bench_results_at ON bench_results(at_ticks);
        """,
    ];

    public const string Insert = """
        INSERT OR REPLACE INTO bench_results VALUES(
            $run, $at, $host, $endpoint, $model, $digest, $bytes, $tier, $kind, $metric, $median, $low, $high, $samples)
        """;

    public const string Select = """
        SELECT run_id, at_ticks, host, endpoint, model, digest, model_bytes, tier, task_kind, metric, median, low, high, samples
        FROM bench_results WHERE at_ticks >= $since ORDER BY at_ticks, endpoint, model, tier, task_kind, metric
        """;
}

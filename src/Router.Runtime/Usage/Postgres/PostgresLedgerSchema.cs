namespace Router.Runtime.Usage.Postgres;

/// <summary>The team ledger's tables, as versioned migrations. Money is whole nano-dollars and durations .NET ticks, as in the
/// SQLite ledger, so that sums are exact and rows move between the two unchanged.</summary>
internal static class PostgresLedgerSchema
{
    /// <summary>Every migration, oldest first. A new one is appended with the next version; a shipped one is never edited.</summary>
    public static IReadOnlyList<PostgresMigration> Migrations { get; } =
    [
        new(1, "request rows", """
            CREATE TABLE router_requests(
                request_id text PRIMARY KEY,
                at timestamptz NOT NULL,
                kind text NOT NULL,
                tier text NOT NULL,
                model text NOT NULL,
                endpoint text NOT NULL,
                is_cloud boolean NOT NULL,
                language text NOT NULL,
                input_tokens integer NOT NULL,
                output_tokens integer NOT NULL,
                tokens_estimated boolean NOT NULL,
                ttft_ticks bigint,
                latency_ticks bigint,
                cold_load_ticks bigint,
                outcome text NOT NULL,
                fell_back boolean NOT NULL,
                escalated boolean NOT NULL,
                accepted_chars integer,
                cost_nano bigint NOT NULL,
                reasons text NOT NULL);
            CREATE INDEX router_requests_at ON router_requests(at);
            """),
        new(2, "gateway key and user per request", """
            ALTER TABLE router_requests ADD COLUMN gateway_key text, ADD COLUMN user_name text;
            """),
        new(3, "budget leases", """
            CREATE TABLE router_budget_leases(
                id uuid PRIMARY KEY,
                scope text NOT NULL,
                day date NOT NULL,
                leased_nano bigint NOT NULL,
                spent_nano bigint NOT NULL DEFAULT 0,
                holder text NOT NULL,
                taken_at timestamptz NOT NULL,
                returned_at timestamptz);
            CREATE INDEX router_budget_leases_scope_day ON router_budget_leases(scope, day);
            """),
    ];

    public const string InsertRequest = """
        INSERT INTO router_requests(request_id, at, kind, tier, model, endpoint, is_cloud, language, input_tokens, output_tokens,
            tokens_estimated, ttft_ticks, latency_ticks, cold_load_ticks, outcome, fell_back, escalated, accepted_chars, cost_nano,
            reasons, gateway_key, user_name)
        VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
        ON CONFLICT (request_id) DO NOTHING
        """;

    public const string UpdateOutcome = "UPDATE router_requests SET outcome = $2, accepted_chars = $3 WHERE request_id = $1";

    public const string SelectRequests = """
        SELECT request_id, at, kind, tier, model, endpoint, is_cloud, language, input_tokens, output_tokens, tokens_estimated,
               ttft_ticks, latency_ticks, cold_load_ticks, outcome, fell_back, escalated, accepted_chars, cost_nano, reasons,
               gateway_key, user_name
        FROM router_requests WHERE at >= $1 ORDER BY at, request_id
        """;
}

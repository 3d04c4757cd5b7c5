namespace Router.Runtime.Usage;

/// <summary>The ledger's tables. Times and durations are stored as .NET ticks, money as whole nano-dollars, so that sums are exact.</summary>
internal static class UsageSchema
{
    public const int Version = 2;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS requests(
            request_id TEXT PRIMARY KEY,
            at_ticks INTEGER NOT NULL,
            day TEXT NOT NULL,
            kind TEXT NOT NULL,
            tier TEXT NOT NULL,
            model TEXT NOT NULL,
            endpoint TEXT NOT NULL,
            is_cloud INTEGER NOT NULL,
            language TEXT NOT NULL,
            input_tokens INTEGER NOT NULL,
            output_tokens INTEGER NOT NULL,
            tokens_estimated INTEGER NOT NULL,
            ttft_ticks INTEGER,
            latency_ticks INTEGER,
            cold_load_ticks INTEGER,
            outcome TEXT NOT NULL,
            fell_back INTEGER NOT NULL,
            escalated INTEGER NOT NULL,
            accepted_chars INTEGER,
            cost_nano INTEGER NOT NULL,
            reasons TEXT NOT NULL,
            key_name TEXT,
            user_id TEXT);
        CREATE INDEX IF NOT EXISTS requests_at ON requests(at_ticks);
        CREATE TABLE IF NOT EXISTS daily_rollups(
            day TEXT NOT NULL,
            tier TEXT NOT NULL,
            model TEXT NOT NULL,
            language TEXT NOT NULL,
            requests INTEGER NOT NULL DEFAULT 0,
            input_tokens INTEGER NOT NULL DEFAULT 0,
            output_tokens INTEGER NOT NULL DEFAULT 0,
            latency_ticks INTEGER NOT NULL DEFAULT 0,
            cold_loads INTEGER NOT NULL DEFAULT 0,
            fell_back INTEGER NOT NULL DEFAULT 0,
            escalated INTEGER NOT NULL DEFAULT 0,
            cost_nano INTEGER NOT NULL DEFAULT 0,
            answered INTEGER NOT NULL DEFAULT 0,
            shown INTEGER NOT NULL DEFAULT 0,
            accepted INTEGER NOT NULL DEFAULT 0,
            dismissed INTEGER NOT NULL DEFAULT 0,
            cancelled INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            accepted_chars INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY(day, tier, model, language));
        CREATE TABLE IF NOT EXISTS spend(
            day TEXT NOT NULL,
            endpoint TEXT NOT NULL,
            tier TEXT NOT NULL,
            cost_nano INTEGER NOT NULL,
            requests INTEGER NOT NULL,
            PRIMARY KEY(day, endpoint, tier));
        CREATE TABLE IF NOT EXISTS reservations(
            id TEXT PRIMARY KEY,
            day TEXT NOT NULL,
            cost_nano INTEGER NOT NULL,
            expires_ticks INTEGER NOT NULL,
            scope TEXT);
        CREATE TABLE IF NOT EXISTS scope_spend(
            day TEXT NOT NULL,
            scope TEXT NOT NULL,
            cost_nano INTEGER NOT NULL,
            requests INTEGER NOT NULL,
            PRIMARY KEY(day, scope));
        """;

    /// <summary>The columns each version added to a table that already existed, to add to a database made by an older
    /// version: (version, table, column definition).</summary>
    public static readonly IReadOnlyList<(int Version, string Table, string Column, string Definition)> AddedColumns =
    [
        (2, "requests", "key_name", "TEXT"),
        (2, "requests", "user_id", "TEXT"),
        (2, "reservations", "scope", "TEXT"),
    ];

    public const string InsertRequest = """
        INSERT OR IGNORE INTO requests(
            request_id, at_ticks, day, kind, tier, model, endpoint, is_cloud, language, input_tokens, output_tokens, tokens_estimated,
            ttft_ticks, latency_ticks, cold_load_ticks, outcome, fell_back, escalated, accepted_chars, cost_nano, reasons, key_name, user_id)
        VALUES(
            $id, $at, $day, $kind, $tier, $model, $endpoint, $cloud, $language, $input, $output, $estimated,
            $ttft, $latency, $cold, $outcome, $fellBack, $escalated, $acceptedChars, $cost, $reasons, $key, $user)
        """;

    public const string SelectRequests = """
        SELECT request_id, at_ticks, kind, tier, model, endpoint, is_cloud, language, input_tokens, output_tokens, tokens_estimated,
               ttft_ticks, latency_ticks, cold_load_ticks, outcome, fell_back, escalated, accepted_chars, cost_nano, reasons, key_name, user_id
        FROM requests WHERE at_ticks >= $since ORDER BY at_ticks, request_id
        """;

    /// <summary>The rollup column counting each outcome; a fixed set, so safe to put into SQL text.</summary>
    public static string OutcomeColumn(Router.Core.Usage.UsageOutcome outcome) => Router.Core.Usage.UsageOutcomeNames.Name(outcome);
}

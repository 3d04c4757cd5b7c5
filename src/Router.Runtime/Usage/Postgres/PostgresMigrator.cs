using Npgsql;

namespace Router.Runtime.Usage.Postgres;

/// <summary>Brings the team ledger's schema to the newest version. Every router process calls it at start; the first one
/// holding the session-level advisory lock applies what is missing, the others wait on the lock and then find nothing to do,
/// so processes starting together never race to create a table.</summary>
internal static class PostgresMigrator
{
    // An arbitrary constant naming "the router's schema" among other users of advisory locks in the same database.
    private const long SchemaLockKey = 0x526F757465724C47;

    /// <summary>Applies the missing migrations; returns the versions this call applied (empty when the schema was current).</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({SchemaLockKey})", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(
                connection,
                "CREATE TABLE IF NOT EXISTS router_schema(version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
                cancellationToken).ConfigureAwait(false);
            HashSet<int> applied = [];
            await using (NpgsqlCommand read = new("SELECT version FROM router_schema", connection))
            await using (NpgsqlDataReader reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }

            List<int> now = [];
            foreach (PostgresMigration migration in PostgresLedgerSchema.Migrations.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
            {
                // Each migration and its record commit together: a crash leaves it either wholly applied or not at all.
                await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, migration.Sql, cancellationToken).ConfigureAwait(false);
                await using (NpgsqlCommand record = new("INSERT INTO router_schema(version, description) VALUES($1, $2)", connection))
                {
                    record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
                    record.Parameters.Add(new NpgsqlParameter { Value = migration.Description });
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                now.Add(migration.Version);
            }

            return now;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({SchemaLockKey})", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = new(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

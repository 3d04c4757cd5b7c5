using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Router.Runtime.Usage;

/// <summary>Creates the ledger's tables, or brings a database made by an older version up to <see cref="UsageSchema.Version"/>:
/// new tables are created, new columns of old tables added. It runs in one <c>BEGIN IMMEDIATE</c> transaction and checks
/// each column before adding it, so routers starting together migrate once. A database of a newer version is left as it is.</summary>
internal static class UsageSchemaMigration
{
    public static async Task RunAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        await UsageLedger.ExecuteAsync(connection, UsageSchema.Create, cancellationToken).ConfigureAwait(false);
        int version = await StoredVersionAsync(connection, cancellationToken).ConfigureAwait(false) ?? 0;
        if (version < UsageSchema.Version)
        {
            foreach ((int since, string table, string column, string definition) in UsageSchema.AddedColumns)
            {
                if (since > version && !await HasColumnAsync(connection, table, column, cancellationToken).ConfigureAwait(false))
                {
                    // Names come from the fixed list above, never from input.
                    await UsageLedger.ExecuteAsync(connection, $"ALTER TABLE {table} ADD COLUMN {column} {definition};", cancellationToken).ConfigureAwait(false);
                }
            }

            await UsageLedger.ExecuteAsync(
                connection,
                $"INSERT OR REPLACE INTO meta VALUES('schema', '{UsageSchema.Version.ToString(CultureInfo.InvariantCulture)}');",
                cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The schema version stored in the database; null for a new one.</summary>
    public static async Task<int?> StoredVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using SqliteCommand read = connection.CreateCommand();
        read.CommandText = "SELECT value FROM meta WHERE key = 'schema'";
        object? value = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is string text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int version) ? version : null;
    }

    private static async Task<bool> HasColumnAsync(SqliteConnection connection, string table, string column, CancellationToken cancellationToken)
    {
        await using SqliteCommand read = connection.CreateCommand();
        read.CommandText = "SELECT 1 FROM pragma_table_info($table) WHERE name = $column";
        read.Parameters.AddWithValue("$table", table);
        read.Parameters.AddWithValue("$column", column);
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }
}

using System.Globalization;
using Microsoft.Data.Sqlite;
using Router.Runtime.Placement;
using Router.Runtime.Usage;

namespace Router.Runtime.Benchmarks;

/// <summary>`router bench` results in the usage ledger's database (<c>usage.db</c>), in a table of their own: kept beside
/// the requests so that placement and reports read both, migrated by their own schema version.</summary>
public sealed class BenchResultStore
{
    private readonly UsageLedgerOptions _options = new();

    private BenchResultStore(string path) => Path = path;

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens the database at <paramref name="path"/> (the ledger's, <see cref="UsageLedger.DefaultPath"/>) and brings
    /// the bench table to the current version. Throws <see cref="BenchStoreException"/> when the file cannot be used.</summary>
    public static async Task<BenchResultStore> OpenAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        BenchResultStore store = new(path);
        try
        {
            if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            await using SqliteConnection connection = await UsageLedger.ConnectAsync(path, store._options, cancellationToken).ConfigureAwait(false);
            await UsageLedger.ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            await MigrateAsync(connection, path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new BenchStoreException($"cannot open the usage ledger {path} for bench results ({e.Message})", e);
        }

        return store;
    }

    /// <summary>Stores a run's measurements in one transaction.</summary>
    public async Task SaveAsync(IReadOnlyCollection<BenchMeasurement> measurements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        try
        {
            await using SqliteConnection connection = await UsageLedger.ConnectAsync(Path, _options, cancellationToken).ConfigureAwait(false);
            await using SqliteTransaction transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using SqliteCommand insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = BenchSchema.Insert;
            foreach (BenchMeasurement m in measurements)
            {
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$run", m.RunId);
                insert.Parameters.AddWithValue("$at", m.At.UtcTicks);
                insert.Parameters.AddWithValue("$host", m.Host);
                insert.Parameters.AddWithValue("$endpoint", m.Endpoint);
                insert.Parameters.AddWithValue("$model", m.Model);
                insert.Parameters.AddWithValue("$digest", (object?)m.Digest ?? DBNull.Value);
                insert.Parameters.AddWithValue("$bytes", (object?)m.ModelBytes ?? DBNull.Value);
                insert.Parameters.AddWithValue("$tier", m.Tier);
                insert.Parameters.AddWithValue("$kind", m.TaskKind);
                insert.Parameters.AddWithValue("$metric", m.Metric);
                insert.Parameters.AddWithValue("$median", m.Median);
                insert.Parameters.AddWithValue("$low", m.Low);
                insert.Parameters.AddWithValue("$high", m.High);
                insert.Parameters.AddWithValue("$samples", m.Samples);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw new BenchStoreException($"cannot store bench results in {Path} ({e.Message})", e);
        }
    }

    /// <summary>Every measurement stored since <paramref name="since"/>, oldest run first.</summary>
    public async Task<IReadOnlyList<BenchMeasurement>> ReadSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        List<BenchMeasurement> rows = [];
        try
        {
            await using SqliteConnection connection = await UsageLedger.ConnectAsync(Path, _options, cancellationToken).ConfigureAwait(false);
            await using SqliteCommand select = connection.CreateCommand();
            select.CommandText = BenchSchema.Select;
            select.Parameters.AddWithValue("$since", since.UtcTicks);
            await using SqliteDataReader reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new BenchMeasurement(
                    reader.GetString(0),
                    new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetInt64(6),
                    reader.GetString(7),
                    reader.GetString(8),
                    reader.GetString(9),
                    reader.GetDouble(10),
                    reader.GetDouble(11),
                    reader.GetDouble(12),
                    reader.GetInt32(13)));
            }
        }
        catch (SqliteException e)
        {
            throw new BenchStoreException($"cannot read bench results from {Path} ({e.Message})", e);
        }

        return rows;
    }

    /// <summary>Gives <paramref name="loads"/> the latest measured cold load of each endpoint and model (since
    /// <paramref name="since"/>), so that placement and cold-start predictions start from this hardware's own throughput.
    /// Returns how many loads it noted.</summary>
    public async Task<int> NoteColdLoadsAsync(LoadThroughputBook loads, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loads);
        IReadOnlyList<BenchMeasurement> rows = await ReadSinceAsync(since, cancellationToken).ConfigureAwait(false);
        IEnumerable<BenchMeasurement> latest = rows
            .Where(r => r.Metric == BenchMetrics.ColdLoadMs && r.ModelBytes is > 0)
            .GroupBy(r => (r.Endpoint, r.Model))
            .Select(g => g.MaxBy(r => r.At)!);
        int noted = 0;
        foreach (BenchMeasurement load in latest)
        {
            loads.NoteLoad(load.Endpoint, load.Model, load.ModelBytes, TimeSpan.FromMilliseconds(load.Median));
            noted++;
        }

        return noted;
    }

    private static async Task MigrateAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        await UsageLedger.ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);", cancellationToken).ConfigureAwait(false);

        // BEGIN IMMEDIATE: two processes opening a fresh database at once migrate it once, one after the other.
        await UsageLedger.ExecuteAsync(connection, "BEGIN IMMEDIATE;", cancellationToken).ConfigureAwait(false);
        try
        {
            await using SqliteCommand read = connection.CreateCommand();
            read.CommandText = "SELECT value FROM meta WHERE key = $key";
            read.Parameters.AddWithValue("$key", BenchSchema.VersionKey);
            int version = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string text
                && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int stored) ? stored : 0;
            if (version > BenchSchema.Version)
            {
                throw new BenchStoreException(
                    $"{path} holds bench results of a newer router (bench schema {version}, this one knows {BenchSchema.Version}); update router");
            }

            for (int step = version; step < BenchSchema.Version; step++)
            {
                await UsageLedger.ExecuteAsync(connection, BenchSchema.Migrations[step], cancellationToken).ConfigureAwait(false);
            }

            await using SqliteCommand write = connection.CreateCommand();
            write.CommandText = "INSERT OR REPLACE INTO meta VALUES($key, $value)";
            write.Parameters.AddWithValue("$key", BenchSchema.VersionKey);
            write.Parameters.AddWithValue("$value", BenchSchema.Version.ToString(CultureInfo.InvariantCulture));
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await UsageLedger.ExecuteAsync(connection, "COMMIT;", cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await UsageLedger.ExecuteAsync(connection, "ROLLBACK;", CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }
}

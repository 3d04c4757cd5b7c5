using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Router.Runtime.Budget;

namespace Router.Runtime.Usage;

/// <summary>Moves the days of an old <c>spend.json</c> into the ledger's spend table, once: the ledger notes that it did, in the
/// same transaction, and the file is renamed to <c>spend.json.migrated</c> so that nothing reads it again.</summary>
internal static class SpendFileMigration
{
    private const string Done = "spend.json migrated";

    /// <summary>What was migrated, for the log; null when there was nothing to do.</summary>
    public static async Task<string?> RunAsync(SqliteConnection connection, string spendFile, CancellationToken cancellationToken)
    {
        if (!File.Exists(spendFile))
        {
            return null;
        }

        SpendFile? file;
        try
        {
            file = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(spendFile, cancellationToken).ConfigureAwait(false), SpendJsonContext.Default.SpendFile);
        }
        catch (JsonException e)
        {
            return $"the old spend file {spendFile} is not readable ({e.Message}); it is left where it is and not migrated";
        }

        // Two processes may start at once: the check and the inserts are one transaction, so only one of them migrates.
        await using (SqliteTransaction transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            await using SqliteCommand check = connection.CreateCommand();
            check.CommandText = "SELECT 1 FROM meta WHERE key = $key";
            check.Parameters.AddWithValue("$key", Done);
            if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
                return null;
            }

            int days = 0;
            foreach (SpendFileDay? day in file?.Days ?? [])
            {
                if (day is null || !DateOnly.TryParseExact(day.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date) || day.Usd <= 0)
                {
                    continue;
                }

                days++;
                await InsertDayAsync(connection, date, day, cancellationToken).ConfigureAwait(false);
            }

            await using SqliteCommand mark = connection.CreateCommand();
            mark.CommandText = "INSERT INTO meta VALUES($key, $value)";
            mark.Parameters.AddWithValue("$key", Done);
            mark.Parameters.AddWithValue("$value", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

            try
            {
                File.Move(spendFile, spendFile + ".migrated", overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The ledger's note already keeps it from being migrated twice.
            }

            return $"the cloud spend of {days} days in {spendFile} moved into the usage ledger (the file is kept as spend.json.migrated)";
        }
    }

    private static async Task InsertDayAsync(SqliteConnection connection, DateOnly date, SpendFileDay day, CancellationToken cancellationToken)
    {
        // The old file kept endpoints and tiers apart; a day with one tier keeps it, others book the endpoints without one.
        string tier = day.Tiers is { Count: 1 } tiers ? tiers.Keys.First() : "";
        IReadOnlyDictionary<string, decimal> endpoints = day.Endpoints is { Count: > 0 } known ? known : new Dictionary<string, decimal> { [""] = day.Usd };
        int requestsLeft = day.Requests;
        foreach ((string endpoint, decimal usd) in endpoints)
        {
            await using SqliteCommand insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO spend VALUES($day, $endpoint, $tier, $cost, $requests)
                ON CONFLICT(day, endpoint, tier) DO UPDATE SET cost_nano = cost_nano + $cost, requests = requests + $requests
                """;
            insert.Parameters.AddWithValue("$day", UsageLedger.Day(date));
            insert.Parameters.AddWithValue("$endpoint", endpoint);
            insert.Parameters.AddWithValue("$tier", tier);
            insert.Parameters.AddWithValue("$cost", UsageLedger.Nano(usd));
            insert.Parameters.AddWithValue("$requests", requestsLeft);
            requestsLeft = 0;
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

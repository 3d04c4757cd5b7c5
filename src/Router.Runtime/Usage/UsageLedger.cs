using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Router.Core.Requests;
using Router.Core.Usage;
using Router.Runtime.Budget;
using Router.Runtime.State;

namespace Router.Runtime.Usage;

/// <summary>The usage ledger in SQLite (<c>usage.db</c>, WAL) in the state folder, shared by every router process of the
/// user. Requests only queue their rows; one background writer per process stores them in batches, keeps the daily
/// rollups per tier × model × language, and deletes rows past the retention. The database also holds the cloud spend
/// and the budget reservations of <see cref="CloudBudget"/>.</summary>
public sealed class UsageLedger : IUsageLedger
{
    /// <summary>The ledger's file name in the state folder.</summary>
    public const string FileName = "usage.db";

    private const string DayFormat = "yyyy-MM-dd";
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromHours(1);

    private readonly Channel<LedgerWrite> _queue;
    private readonly UsageLedgerOptions _options;
    private readonly ILogger _logger;
    private readonly Task _writer;
    private readonly SqliteConnection? _connection;

    // The writer's statements, prepared once for the connection's life: preparing them again for every row cost more than
    // storing it. Only the writer loop touches them.
    private readonly Dictionary<string, SqliteCommand> _rollups = new(StringComparer.Ordinal);
    private SqliteCommand? _insert;
    private volatile bool _disposed;
    private long _dropped;
    private DateTimeOffset _lastCleanup = DateTimeOffset.MinValue;

    private UsageLedger(string path, UsageLedgerOptions options, ILogger logger, SqliteConnection? connection, string? warning)
    {
        Path = path;
        _options = options;
        _logger = logger;
        _connection = connection;
        Warning = warning;
        _queue = Channel.CreateBounded<LedgerWrite>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        Budget = new CloudBudget(this, options);
        _writer = connection is null ? Task.CompletedTask : Task.Run(WriteLoopAsync);
        if (connection is null)
        {
            _queue.Writer.TryComplete();
        }
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Why the ledger cannot store anything (the file could not be opened or created), in words a user can act on;
    /// null when it works. Requests go on either way: rows are then counted in <see cref="Dropped"/>.</summary>
    public string? Warning { get; private set; }

    /// <summary>Daily and monthly cloud budgets held across processes by reservations in this database.</summary>
    public CloudBudget Budget { get; }

    /// <inheritdoc />
    public long Dropped => Interlocked.Read(ref _dropped);

    internal UsageLedgerOptions Options => _options;

    internal ILogger Logger => _logger;

    // Closed once disposed, so a read that comes late opens no new connection (and no -wal file) beside a finished ledger.
    internal bool IsOpen => _connection is not null && !_disposed;

    /// <summary>Where the ledger lives: <c>usage.db</c> in the <see cref="StateDirectory"/>.</summary>
    public static string DefaultPath(Func<string, string?>? environment = null) =>
        System.IO.Path.Combine(StateDirectory.Resolve(environment), FileName);

    /// <summary>Opens (or creates) the ledger at <paramref name="path"/>, and migrates a <c>spend.json</c> beside it once.
    /// Never throws for the file's sake: a database that cannot be opened gives a ledger that stores nothing and says why
    /// in <see cref="Warning"/>.</summary>
    public static async Task<UsageLedger> OpenAsync(
        string? path = null, UsageLedgerOptions? options = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        options ??= new UsageLedgerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RetentionDays, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.QueueCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        path ??= DefaultPath();
        logger ??= NullLogger.Instance;
        SqliteConnection? connection = null;
        string? warning = null;
        try
        {
            string? directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            connection = await ConnectAsync(path, options, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            await UsageSchemaMigration.RunAsync(connection, cancellationToken).ConfigureAwait(false);
            if (await SpendFileMigration.RunAsync(connection, System.IO.Path.Combine(directory ?? ".", "spend.json"), cancellationToken).ConfigureAwait(false) is { } migrated)
            {
                UsageLedgerLog.Migrated(logger, migrated);
            }
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                connection = null;
            }

            warning = $"cannot open the usage ledger {path} ({e.Message}); requests are not booked and the budget counts this process's spend only";
            UsageLedgerLog.Unavailable(logger, warning);
        }

        return new UsageLedger(path, options, logger, connection, warning);
    }

    /// <inheritdoc />
    public bool Append(UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Enqueue(new LedgerWrite(Record: record));
    }

    /// <inheritdoc />
    public bool UpdateOutcome(string requestId, UsageOutcome outcome, int? acceptedCharacters = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        return Enqueue(new LedgerWrite(RequestId: requestId, Outcome: outcome, AcceptedCharacters: acceptedCharacters));
    }

    /// <inheritdoc />
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource flushed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new LedgerWrite(Flushed: flushed)))
        {
            // Closed, or full: waiting for room is fine here, the caller asked to wait.
            try
            {
                await _queue.Writer.WriteAsync(new LedgerWrite(Flushed: flushed), cancellationToken).ConfigureAwait(false);
            }
            catch (ChannelClosedException)
            {
                return;
            }
        }

        await flushed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<UsageRecord> ReadSinceAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!IsOpen)
        {
            yield break;
        }

        await using SqliteConnection connection = await ConnectAsync(Path, _options, cancellationToken).ConfigureAwait(false);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = UsageSchema.SelectRequests;
        command.Parameters.AddWithValue("$since", since.UtcTicks);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (Read(reader) is { } record)
            {
                yield return record;
            }
        }
    }

    /// <summary>The daily rollups from <paramref name="firstDay"/> on (local days), one per day, tier, model and language.</summary>
    public async Task<IReadOnlyList<UsageRollup>> ReadRollupsAsync(DateOnly firstDay, CancellationToken cancellationToken)
    {
        List<UsageRollup> rollups = [];
        if (!IsOpen)
        {
            return rollups;
        }

        await using SqliteConnection connection = await ConnectAsync(Path, _options, cancellationToken).ConfigureAwait(false);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            SELECT day, tier, model, language, requests, input_tokens, output_tokens, latency_ticks, cold_loads, fell_back, escalated,
                   cost_nano, answered, shown, accepted, dismissed, cancelled, failed, accepted_chars
            FROM daily_rollups WHERE day >= $day ORDER BY day, tier, model, language
            """;
        command.Parameters.AddWithValue("$day", Day(firstDay));
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!DateOnly.TryParseExact(reader.GetString(0), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day)
                || !TierNames.TryParse(reader.GetString(1), out Tier? tier))
            {
                continue;
            }

            rollups.Add(new UsageRollup(
                day, tier.Value, reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetInt64(5), reader.GetInt64(6),
                TimeSpan.FromTicks(reader.GetInt64(7)), reader.GetInt32(8), reader.GetInt32(9), reader.GetInt32(10), Usd(reader.GetInt64(11)),
                reader.GetInt32(12), reader.GetInt32(13), reader.GetInt32(14), reader.GetInt32(15), reader.GetInt32(16), reader.GetInt32(17),
                reader.GetInt64(18)));
        }

        return rollups;
    }

    /// <summary>Stops taking rows, writes what is queued, and closes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        if (_connection is not null && !_disposed)
        {
            _disposed = true;
            foreach (SqliteCommand command in _rollups.Values.Append(_insert).OfType<SqliteCommand>())
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }

            await _connection.DisposeAsync().ConfigureAwait(false);
            SqliteConnection.ClearAllPools();
        }
    }

    internal static string Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    internal static long Nano(decimal usd) => (long)decimal.Round(usd * 1_000_000_000m);

    internal static decimal Usd(long nano) => nano / 1_000_000_000m;

    internal DateOnly LocalDay(DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _options.Clock.LocalTimeZone).DateTime);

    internal static async Task<SqliteConnection> ConnectAsync(string path, UsageLedgerOptions options, CancellationToken cancellationToken)
    {
        SqliteConnectionStringBuilder builder = new()
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        };
        SqliteConnection connection = new(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // SQLite's own wait on a lock held by another process backs off in milliseconds, unlike the provider's retry loop.
            await ExecuteAsync(
                connection,
                $"PRAGMA busy_timeout={((int)options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}; PRAGMA synchronous=NORMAL;",
                cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    internal static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private bool Enqueue(LedgerWrite write)
    {
        if (_queue.Writer.TryWrite(write))
        {
            return true;
        }

        long dropped = Interlocked.Increment(ref _dropped);
        // Told once, then every thousandth: a full queue under a burst must not flood the log.
        if (dropped == 1 || dropped % 1000 == 0)
        {
            UsageLedgerLog.Dropped(_logger, dropped, IsOpen ? "the write queue is full" : Warning ?? "the ledger is closed");
        }

        return false;
    }

    private async Task WriteLoopAsync()
    {
        List<LedgerWrite> batch = new(_options.BatchSize);
        ChannelReader<LedgerWrite> reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _options.BatchSize && reader.TryRead(out LedgerWrite? write))
            {
                batch.Add(write);
            }

            // Rows of requests answered one after another go in one transaction rather than a commit each (a flush is not
            // kept waiting): the writer shares the cores with the requests it books.
            if (_options.GatherWindow > TimeSpan.Zero && batch.Count < _options.BatchSize && batch.TrueForAll(w => w.Flushed is null))
            {
                await Task.Delay(_options.GatherWindow).ConfigureAwait(false);
                while (batch.Count < _options.BatchSize && reader.TryRead(out LedgerWrite? write))
                {
                    batch.Add(write);
                }
            }

            int rows = batch.Count(w => w.Flushed is null);
            try
            {
                if (rows > 0)
                {
                    await WriteBatchAsync(batch).ConfigureAwait(false);
                }

                await CleanupIfDueAsync().ConfigureAwait(false);
            }
            catch (SqliteException e)
            {
                // Disk full, the file locked past the busy timeout, a damaged database: these rows are lost, the requests are not.
                long dropped = Interlocked.Add(ref _dropped, rows);
                UsageLedgerLog.WriteFailed(_logger, rows, dropped, e.Message);
            }

            foreach (LedgerWrite write in batch)
            {
                write.Flushed?.TrySetResult();
            }
        }
    }

    private async Task WriteBatchAsync(List<LedgerWrite> batch)
    {
        SqliteConnection connection = _connection!;
        await using SqliteTransaction transaction = (SqliteTransaction)await connection.BeginTransactionAsync().ConfigureAwait(false);
        SqliteCommand insert = _insert ??= Command(connection, UsageSchema.InsertRequest);
        insert.Transaction = transaction;
        foreach (LedgerWrite write in batch)
        {
            if (write.Record is { } record)
            {
                DateOnly day = LocalDay(record.At);
                Bind(insert, record, day);
                if (await insert.ExecuteNonQueryAsync().ConfigureAwait(false) == 1)
                {
                    await AddToRollupAsync(Rollup(connection, record.Outcome, transaction), record, day).ConfigureAwait(false);
                }
            }
            else if (write.RequestId is { } id)
            {
                await ChangeOutcomeAsync(connection, id, write.Outcome, write.AcceptedCharacters).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync().ConfigureAwait(false);
    }

    private static void Bind(SqliteCommand insert, UsageRecord record, DateOnly day)
    {
        insert.Parameters.Clear();
        insert.Parameters.AddWithValue("$id", record.RequestId);
        insert.Parameters.AddWithValue("$at", record.At.UtcTicks);
        insert.Parameters.AddWithValue("$day", Day(day));
        insert.Parameters.AddWithValue("$kind", record.Kind.Name());
        insert.Parameters.AddWithValue("$tier", record.Tier.Name());
        insert.Parameters.AddWithValue("$model", record.Model);
        insert.Parameters.AddWithValue("$endpoint", record.Endpoint);
        insert.Parameters.AddWithValue("$cloud", record.IsCloud ? 1 : 0);
        insert.Parameters.AddWithValue("$language", record.Language);
        insert.Parameters.AddWithValue("$input", record.InputTokens);
        insert.Parameters.AddWithValue("$output", record.OutputTokens);
        insert.Parameters.AddWithValue("$estimated", record.TokensEstimated ? 1 : 0);
        insert.Parameters.AddWithValue("$ttft", (object?)record.TimeToFirstToken?.Ticks ?? DBNull.Value);
        insert.Parameters.AddWithValue("$latency", (object?)record.Latency?.Ticks ?? DBNull.Value);
        insert.Parameters.AddWithValue("$cold", (object?)record.ColdLoad?.Ticks ?? DBNull.Value);
        insert.Parameters.AddWithValue("$outcome", record.Outcome.Name());
        insert.Parameters.AddWithValue("$fellBack", record.FellBack ? 1 : 0);
        insert.Parameters.AddWithValue("$escalated", record.Escalated ? 1 : 0);
        insert.Parameters.AddWithValue("$acceptedChars", (object?)record.AcceptedCharacters ?? DBNull.Value);
        insert.Parameters.AddWithValue("$cost", Nano(record.CostUsd));
        insert.Parameters.AddWithValue("$reasons", record.Reasons);
        insert.Parameters.AddWithValue("$key", (object?)record.Key ?? DBNull.Value);
        insert.Parameters.AddWithValue("$user", (object?)record.User ?? DBNull.Value);
    }

    private static SqliteCommand Command(SqliteConnection connection, string text)
    {
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = text;
        return command;
    }

    /// <summary>The daily rollup's upsert for rows of this outcome, in the batch's transaction.</summary>
    private SqliteCommand Rollup(SqliteConnection connection, UsageOutcome outcome, SqliteTransaction transaction)
    {
        string column = UsageSchema.OutcomeColumn(outcome);
        if (!_rollups.TryGetValue(column, out SqliteCommand? command))
        {
            command = Command(connection, RollupUpsert(column));
            _rollups[column] = command;
        }

        command.Transaction = transaction;
        return command;
    }

    private static string RollupUpsert(string outcome) => $"""
            INSERT INTO daily_rollups(day, tier, model, language, requests, input_tokens, output_tokens, latency_ticks, cold_loads,
                                      fell_back, escalated, cost_nano, accepted_chars, {outcome})
            VALUES($day, $tier, $model, $language, 1, $input, $output, $latency, $cold, $fellBack, $escalated, $cost, $chars, 1)
            ON CONFLICT(day, tier, model, language) DO UPDATE SET
                requests = requests + 1, input_tokens = input_tokens + $input, output_tokens = output_tokens + $output,
                latency_ticks = latency_ticks + $latency, cold_loads = cold_loads + $cold, fell_back = fell_back + $fellBack,
                escalated = escalated + $escalated, cost_nano = cost_nano + $cost, accepted_chars = accepted_chars + $chars,
                {outcome} = {outcome} + 1
            """;

    private static async Task AddToRollupAsync(SqliteCommand command, UsageRecord record, DateOnly day)
    {
        command.Parameters.Clear();
        command.Parameters.AddWithValue("$day", Day(day));
        command.Parameters.AddWithValue("$tier", record.Tier.Name());
        command.Parameters.AddWithValue("$model", record.Model);
        command.Parameters.AddWithValue("$language", record.Language);
        command.Parameters.AddWithValue("$input", record.InputTokens);
        command.Parameters.AddWithValue("$output", record.OutputTokens);
        command.Parameters.AddWithValue("$latency", record.Latency?.Ticks ?? 0);
        command.Parameters.AddWithValue("$cold", record.ColdLoad is { } cold && cold > TimeSpan.Zero ? 1 : 0);
        command.Parameters.AddWithValue("$fellBack", record.FellBack ? 1 : 0);
        command.Parameters.AddWithValue("$escalated", record.Escalated ? 1 : 0);
        command.Parameters.AddWithValue("$cost", Nano(record.CostUsd));
        command.Parameters.AddWithValue("$chars", record.AcceptedCharacters ?? 0);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static async Task ChangeOutcomeAsync(SqliteConnection connection, string requestId, UsageOutcome outcome, int? acceptedCharacters)
    {
        string? day = null, tier = null, model = null, language = null, old = null;
        await using (SqliteCommand find = connection.CreateCommand())
        {
            find.CommandText = "SELECT day, tier, model, language, outcome FROM requests WHERE request_id = $id";
            find.Parameters.AddWithValue("$id", requestId);
            await using SqliteDataReader reader = await find.ExecuteReaderAsync().ConfigureAwait(false);
            if (await reader.ReadAsync().ConfigureAwait(false))
            {
                (day, tier, model, language, old) = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
            }
        }

        if (old is null || !UsageOutcomeNames.TryParse(old, out UsageOutcome? was) || (was == outcome && acceptedCharacters is null))
        {
            return;
        }

        string from = UsageSchema.OutcomeColumn(was.Value);
        string to = UsageSchema.OutcomeColumn(outcome);
        await using SqliteCommand update = connection.CreateCommand();
        update.CommandText = $"""
            UPDATE daily_rollups SET {from} = {from} - 1, {to} = {to} + 1,
                accepted_chars = accepted_chars - COALESCE((SELECT accepted_chars FROM requests WHERE request_id = $id), 0) + COALESCE($chars, 0)
            WHERE day = $day AND tier = $tier AND model = $model AND language = $language;
            UPDATE requests SET outcome = $outcome, accepted_chars = $chars WHERE request_id = $id;
            """;
        update.Parameters.AddWithValue("$id", requestId);
        update.Parameters.AddWithValue("$chars", (object?)acceptedCharacters ?? DBNull.Value);
        update.Parameters.AddWithValue("$day", day);
        update.Parameters.AddWithValue("$tier", tier);
        update.Parameters.AddWithValue("$model", model);
        update.Parameters.AddWithValue("$language", language);
        update.Parameters.AddWithValue("$outcome", outcome.Name());
        await update.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private async Task CleanupIfDueAsync()
    {
        DateTimeOffset now = _options.Clock.GetUtcNow();
        if (now - _lastCleanup < CleanupInterval)
        {
            return;
        }

        _lastCleanup = now;
        DateOnly today = LocalDay(now);
        await using SqliteCommand command = _connection!.CreateCommand();
        command.CommandText = """
            DELETE FROM requests WHERE at_ticks < $rows;
            DELETE FROM daily_rollups WHERE day < $totals;
            DELETE FROM spend WHERE day < $totals;
            DELETE FROM reservations WHERE expires_ticks < $now;
            """;
        command.Parameters.AddWithValue("$rows", (now - TimeSpan.FromDays(_options.RetentionDays)).UtcTicks);
        command.Parameters.AddWithValue("$totals", Day(today.AddDays(-Math.Max(_options.RetentionDays, UsageLedgerOptions.MinimumTotalsDays))));
        command.Parameters.AddWithValue("$now", now.UtcTicks);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static UsageRecord? Read(SqliteDataReader reader)
    {
        if (!RequestKindNames.TryParse(reader.GetString(2), out RequestKind? kind)
            || !TierNames.TryParse(reader.GetString(3), out Tier? tier)
            || !UsageOutcomeNames.TryParse(reader.GetString(14), out UsageOutcome? outcome))
        {
            // A row from a newer version of the router with a kind this one does not know: left out, not misread.
            return null;
        }

        return new UsageRecord(
            reader.GetString(0),
            new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero),
            kind.Value,
            tier.Value,
            reader.GetString(4),
            reader.GetString(5),
            reader.GetInt64(6) != 0,
            reader.GetString(7),
            reader.GetInt32(8),
            reader.GetInt32(9),
            reader.GetInt64(10) != 0,
            Ticks(reader, 11),
            Ticks(reader, 12),
            Ticks(reader, 13),
            outcome.Value,
            reader.GetInt64(15) != 0,
            reader.GetInt64(16) != 0,
            reader.IsDBNull(17) ? null : reader.GetInt32(17),
            Usd(reader.GetInt64(18)),
            reader.GetString(19))
        {
            Key = reader.IsDBNull(20) ? null : reader.GetString(20),
            User = reader.IsDBNull(21) ? null : reader.GetString(21),
        };
    }

    private static TimeSpan? Ticks(SqliteDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : TimeSpan.FromTicks(reader.GetInt64(column));
}

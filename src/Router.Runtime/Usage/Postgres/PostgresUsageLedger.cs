using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using Router.Core.Requests;
using Router.Core.Usage;
using Router.Runtime.Budget.Postgres;
using Router.Runtime.Health;
using Router.Runtime.Health.Postgres;

namespace Router.Runtime.Usage.Postgres;

/// <summary>The usage ledger of a team, in one PostgreSQL database shared by every router on every machine. Requests only queue
/// their rows; one background writer per process sends them in batches (one round trip each), with the request id as the key
/// (<c>ON CONFLICT DO NOTHING</c>), so a batch sent twice stores nothing twice. While PostgreSQL is unreachable the rows go to a
/// bounded spool file in the state folder, in order, and are sent when it is back; requests never wait for any of it.</summary>
public sealed class PostgresUsageLedger : IUsageLedger
{
    private readonly Channel<LedgerWrite> _queue;
    private readonly UsageLedgerOptions _options;
    private readonly PostgresLedgerOptions _postgres;
    private readonly ILogger _logger;
    private readonly LedgerSpool _spool;
    private readonly Task _writer;
    private long _dropped;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _migrated;
    private bool _away;
    private DateTimeOffset _nextTry = DateTimeOffset.MinValue;

    private PostgresUsageLedger(NpgsqlDataSource dataSource, UsageLedgerOptions options, PostgresLedgerOptions postgres, ILogger logger, bool migrated)
    {
        DataSource = dataSource;
        _options = options;
        _postgres = postgres;
        _logger = logger;
        _migrated = migrated;
        _spool = new LedgerSpool(postgres.SpoolDirectory, postgres.SpoolMaxBytes);
        Budget = new PostgresCloudBudget(dataSource, options, postgres.Leases, logger, EnsureSchemaAsync);
        _queue = Channel.CreateBounded<LedgerWrite>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>The pool of connections to the team database, shared with the budget and the circuit notices of this process.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The team's cloud budgets, leased from this database.</summary>
    public PostgresCloudBudget Budget { get; }

    /// <summary>Circuit notices shared with the other routers, once <see cref="ShareHealth"/> was called.</summary>
    public SharedCircuitNotices? Circuits { get; private set; }

    /// <summary>Publishes the circuits that open in <paramref name="health"/> to the team's other routers, and opens theirs here
    /// (closed with the ledger).</summary>
    public SharedCircuitNotices ShareHealth(EndpointHealthTracker health)
    {
        ArgumentNullException.ThrowIfNull(health);
        return Circuits ??= new SharedCircuitNotices(DataSource, health, _logger);
    }

    /// <inheritdoc />
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Rows and updates sent from the spool since the ledger opened (for tests and the log).</summary>
    public long SentFromSpool { get; private set; }

    /// <summary>Whether the last write found PostgreSQL unreachable (rows are then spooled).</summary>
    public bool Away => Volatile.Read(ref _away);

    /// <summary>Connects to the team ledger and brings its schema up to date. Never throws for the database's sake: an unreachable
    /// server gives a ledger that spools until the server answers (and migrates then).</summary>
    public static async Task<PostgresUsageLedger> OpenAsync(
        string connectionString, PostgresLedgerOptions postgres, UsageLedgerOptions? options = null, ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(postgres);
        options ??= new UsageLedgerOptions();
        logger ??= NullLogger.Instance;
        NpgsqlDataSource dataSource = CreateDataSource(connectionString);
        bool migrated = false;
        try
        {
            await PostgresMigrator.MigrateAsync(dataSource, cancellationToken).ConfigureAwait(false);
            migrated = true;
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            UsageLedgerLog.Unavailable(logger, $"usage ledger: PostgreSQL is unreachable ({Describe(e)}); rows are spooled in {postgres.SpoolDirectory} until it answers");
        }

        return new PostgresUsageLedger(dataSource, options, postgres, logger, migrated);
    }

    /// <summary>A pool with short connect and command timeouts (a booking never waits long on a dead server), named in
    /// <c>pg_stat_activity</c>. Values the connection string sets itself are kept.</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            // The message of a malformed string may quote it, password and all.
            throw new ArgumentException("the ledger's connection string is not a valid PostgreSQL connection string (its text is not shown: it may hold a password)");
        }

        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.Timeout = 3;
            builder.CommandTimeout = 10;
        }

        builder.ApplicationName ??= "router";
        return NpgsqlDataSource.Create(builder);
    }

    /// <inheritdoc />
    public bool Append(UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Enqueue(new LedgerWrite(Record: record.User is null && _postgres.User is { } user ? record with { User = user } : record));
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
        try
        {
            await _queue.Writer.WriteAsync(new LedgerWrite(Flushed: flushed), cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return;
        }

        await flushed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<UsageRecord> ReadSinceAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = DataSource.CreateCommand(PostgresLedgerSchema.SelectRequests);
        command.Parameters.Add(new NpgsqlParameter { Value = since.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (Read(reader) is { } record)
            {
                yield return record;
            }
        }
    }

    /// <summary>Stops taking rows and sends what is queued and spooled, for at most <see cref="PostgresLedgerOptions.CloseTimeout"/>;
    /// what could not be sent stays in the spool file, which the next router process sends.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        _spool.Dispose();
        if (Circuits is not null)
        {
            await Circuits.DisposeAsync().ConfigureAwait(false);
        }

        await Budget.DisposeAsync().ConfigureAwait(false);
        _schemaGate.Dispose();
        await DataSource.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Whether <paramref name="e"/> says the server could not be reached (or went away), as opposed to refusing what was sent.</summary>
    public static bool IsUnreachable(Exception e) => e switch
    {
        PostgresException postgres => postgres.IsTransient || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException or SocketException or IOException or TimeoutException => true,
        InvalidOperationException when e.InnerException is { } inner => IsUnreachable(inner),
        _ => false,
    };

    /// <summary>The exception's kind and message, without the connection string (Npgsql's messages do not carry it).</summary>
    public static string Describe(Exception e) => e.InnerException is SocketException socket ? socket.Message : e.Message;

    /// <summary>Brings the schema up to date once (it may not have been, when the server was unreachable at start).</summary>
    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_migrated)
            {
                await PostgresMigrator.MigrateAsync(DataSource, cancellationToken).ConfigureAwait(false);
                _migrated = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private bool Enqueue(LedgerWrite write)
    {
        if (_queue.Writer.TryWrite(write))
        {
            return true;
        }

        long dropped = Interlocked.Increment(ref _dropped);
        UsageLedgerLog.Dropped(_logger, dropped, "the ledger's queue is full or closed");
        return false;
    }

    private async Task WriteLoopAsync()
    {
        List<LedgerWrite> batch = new(_options.BatchSize);
        ChannelReader<LedgerWrite> reader = _queue.Reader;
        while (true)
        {
            bool more;
            if (_spool.HasPending)
            {
                // Rows wait in the spool: wake up to retry even when no new row comes.
                using CancellationTokenSource tick = new(_postgres.RetryInterval);
                try
                {
                    more = await reader.WaitToReadAsync(tick.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    more = true;
                }
            }
            else
            {
                more = await reader.WaitToReadAsync().ConfigureAwait(false);
            }

            if (!more)
            {
                break;
            }

            batch.Clear();
            while (batch.Count < _options.BatchSize && reader.TryRead(out LedgerWrite? write))
            {
                batch.Add(write);
            }

            await StoreAsync(batch, CancellationToken.None).ConfigureAwait(false);
        }

        // Closing: one last bounded try to empty the spool; what stays is sent by the next process.
        using CancellationTokenSource patience = new(_postgres.CloseTimeout);
        _nextTry = DateTimeOffset.MinValue;
        try
        {
            await TrySendSpoolAsync(patience.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Left in the spool.
        }
    }

    private async Task StoreAsync(List<LedgerWrite> batch, CancellationToken cancellationToken)
    {
        List<SpooledWrite> writes = [.. batch.Where(w => w.Flushed is null).Select(w => new SpooledWrite(w.Record, w.RequestId, w.Outcome, w.AcceptedCharacters))];
        bool spoolEmpty = await TrySendSpoolAsync(cancellationToken).ConfigureAwait(false);
        if (writes.Count > 0)
        {
            bool sent = false;
            if (spoolEmpty)
            {
                try
                {
                    await SendAsync(writes, cancellationToken).ConfigureAwait(false);
                    sent = true;
                }
                catch (Exception e) when (IsUnreachable(e))
                {
                    GoneAway(e);
                }
                catch (PostgresException e)
                {
                    // The database refused the rows themselves (not the connection): spooling them would refuse them forever.
                    long dropped = Interlocked.Add(ref _dropped, writes.Count);
                    UsageLedgerLog.WriteFailed(_logger, writes.Count, dropped, $"PostgreSQL refused them: {e.SqlState} {e.MessageText}");
                    sent = true;
                }
            }

            if (!sent)
            {
                // Behind what is spooled already (or the server is away): in order, after it.
                int stored = _spool.Append(writes);
                if (stored < writes.Count)
                {
                    long dropped = Interlocked.Add(ref _dropped, writes.Count - stored);
                    UsageLedgerLog.WriteFailed(_logger, writes.Count - stored, dropped, $"the spool is full ({_spool.MaxBytes} bytes)");
                }
            }
        }

        foreach (LedgerWrite write in batch)
        {
            write.Flushed?.TrySetResult();
        }
    }

    /// <summary>Sends the spool when it has rows and a retry is due; true when it is empty afterwards.</summary>
    private async Task<bool> TrySendSpoolAsync(CancellationToken cancellationToken)
    {
        if (!_spool.HasPending && _migrated)
        {
            return true;
        }

        DateTimeOffset now = DateTimeOffset.UtcNow;
        if (now < _nextTry)
        {
            return false;
        }

        try
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            int sent = await _spool.DrainAsync(SendAsync, _options.BatchSize, cancellationToken).ConfigureAwait(false);
            SentFromSpool += sent;
            if (Volatile.Read(ref _away))
            {
                Volatile.Write(ref _away, false);
                UsageLedgerLog.Unavailable(_logger, $"usage ledger: PostgreSQL answers again; {sent} spooled rows sent");
            }

            return true;
        }
        catch (Exception e) when (e is NpgsqlException || IsUnreachable(e))
        {
            // A refusal (not only an outage) keeps the rows spooled and is tried again: the spool is never thrown away.
            GoneAway(e);
            return false;
        }
    }

    private void GoneAway(Exception e)
    {
        _nextTry = DateTimeOffset.UtcNow + _postgres.RetryInterval;
        if (!Volatile.Read(ref _away))
        {
            Volatile.Write(ref _away, true);
            UsageLedgerLog.Unavailable(_logger, $"usage ledger: PostgreSQL is unreachable ({Describe(e)}); rows are spooled until it answers");
        }
    }

    private async Task SendAsync(IReadOnlyList<SpooledWrite> writes, CancellationToken cancellationToken)
    {
        await using NpgsqlBatch batch = DataSource.CreateBatch();
        foreach (SpooledWrite write in writes)
        {
            NpgsqlBatchCommand command;
            if (write.Record is { } record)
            {
                command = new NpgsqlBatchCommand(PostgresLedgerSchema.InsertRequest);
                Bind(command.Parameters, record);
            }
            else if (write.RequestId is { } id)
            {
                command = new NpgsqlBatchCommand(PostgresLedgerSchema.UpdateOutcome);
                command.Parameters.Add(new NpgsqlParameter { Value = id });
                command.Parameters.Add(new NpgsqlParameter { Value = write.Outcome.Name() });
                command.Parameters.Add(new NpgsqlParameter { Value = (object?)write.AcceptedCharacters ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
            }
            else
            {
                continue;
            }

            batch.BatchCommands.Add(command);
        }

        if (batch.BatchCommands.Count > 0)
        {
            // One round trip; the batch runs as one implicit transaction.
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Bind(NpgsqlParameterCollection parameters, UsageRecord record)
    {
        parameters.Add(new NpgsqlParameter { Value = record.RequestId });
        parameters.Add(new NpgsqlParameter { Value = record.At.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        parameters.Add(new NpgsqlParameter { Value = record.Kind.Name() });
        parameters.Add(new NpgsqlParameter { Value = record.Tier.Name() });
        parameters.Add(new NpgsqlParameter { Value = record.Model });
        parameters.Add(new NpgsqlParameter { Value = record.Endpoint });
        parameters.Add(new NpgsqlParameter { Value = record.IsCloud });
        parameters.Add(new NpgsqlParameter { Value = record.Language });
        parameters.Add(new NpgsqlParameter { Value = record.InputTokens });
        parameters.Add(new NpgsqlParameter { Value = record.OutputTokens });
        parameters.Add(new NpgsqlParameter { Value = record.TokensEstimated });
        parameters.Add(Ticks(record.TimeToFirstToken));
        parameters.Add(Ticks(record.Latency));
        parameters.Add(Ticks(record.ColdLoad));
        parameters.Add(new NpgsqlParameter { Value = record.Outcome.Name() });
        parameters.Add(new NpgsqlParameter { Value = record.FellBack });
        parameters.Add(new NpgsqlParameter { Value = record.Escalated });
        parameters.Add(new NpgsqlParameter { Value = (object?)record.AcceptedCharacters ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        parameters.Add(new NpgsqlParameter { Value = UsageLedger.Nano(record.CostUsd) });
        parameters.Add(new NpgsqlParameter { Value = record.Reasons });
        parameters.Add(Text(record.Key));
        parameters.Add(Text(record.User));
    }

    private static NpgsqlParameter Ticks(TimeSpan? value) =>
        new() { Value = (object?)value?.Ticks ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint };

    private static NpgsqlParameter Text(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static UsageRecord? Read(NpgsqlDataReader reader)
    {
        if (!RequestKindNames.TryParse(reader.GetString(2), out RequestKind? kind)
            || !TierNames.TryParse(reader.GetString(3), out Tier? tier)
            || !UsageOutcomeNames.TryParse(reader.GetString(14), out UsageOutcome? outcome))
        {
            return null; // A row of a newer router with a kind this one does not know: left out, not misread.
        }

        return new UsageRecord(
            reader.GetString(0),
            new DateTimeOffset(reader.GetFieldValue<DateTime>(1), TimeSpan.Zero),
            kind.Value,
            tier.Value,
            reader.GetString(4),
            reader.GetString(5),
            reader.GetBoolean(6),
            reader.GetString(7),
            reader.GetInt32(8),
            reader.GetInt32(9),
            reader.GetBoolean(10),
            reader.IsDBNull(11) ? null : TimeSpan.FromTicks(reader.GetInt64(11)),
            reader.IsDBNull(12) ? null : TimeSpan.FromTicks(reader.GetInt64(12)),
            reader.IsDBNull(13) ? null : TimeSpan.FromTicks(reader.GetInt64(13)),
            outcome.Value,
            reader.GetBoolean(15),
            reader.GetBoolean(16),
            reader.IsDBNull(17) ? null : reader.GetInt32(17),
            UsageLedger.Usd(reader.GetInt64(18)),
            reader.GetString(19))
        {
            Key = reader.IsDBNull(20) ? null : reader.GetString(20),
            User = reader.IsDBNull(21) ? null : reader.GetString(21),
        };
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Runtime.Usage;
using Router.Runtime.Usage.Postgres;

namespace Router.Runtime.Budget.Postgres;

/// <summary>The daily and monthly cloud budgets of a team, held in PostgreSQL across any number of processes and machines,
/// without a row that every request updates. A process <em>leases</em> a slice of a scope's budget in one short transaction
/// (serialised per scope by a transaction-level advisory lock: the check of what is committed and the insert of the lease see
/// no other lease in between), then reserves and settles its requests against that slice in memory, and gives back what it
/// did not use when the slice runs out, when it has been idle a moment, or when it closes. Why it holds: the database grants
/// a lease only while the sum of every lease (a held lease counts in full, a returned one by what was really spent) stays within
/// the day's and the month's limit, and a process only spends from leases it was granted; so the team's spend never passes the
/// limit by more than what real costs exceed their estimates. A process that dies holding a lease leaves it counted in full:
/// money is never counted twice, only sometimes held too long.
/// When PostgreSQL is unreachable, the rule is conservative: a request may still spend from a lease this process holds, but no
/// new lease is taken, so there is no metered cloud spend past it until the budget can be checked again (logged once per outage).</summary>
public sealed class PostgresCloudBudget : ICloudBudget, IAsyncDisposable
{
    /// <summary>The scope every request counts against: the team's budget from router.yaml.</summary>
    public const string TeamScope = "team";

    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(2);

    private readonly NpgsqlDataSource _dataSource;
    private readonly UsageLedgerOptions _options;
    private readonly PostgresBudgetOptions _leases;
    private readonly ILogger _logger;
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}";
    private readonly ConcurrentDictionary<string, ScopeAccount> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (BudgetLease Lease, long Nano)[]> _reservations = new(StringComparer.Ordinal);
    private readonly List<BudgetLease> _returned = [];

    // One write of given-back leases at a time: two in parallel could commit out of order, and an older figure (a reservation
    // still counted at its estimate) would overwrite the settled one.
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _upkeep;
    private readonly Func<CancellationToken, Task>? _ensureSchema;
    private BudgetStanding _standing = BudgetStanding.Zero;
    private DateTimeOffset _standingAt = DateTimeOffset.MinValue;
    private int _refreshing;
    private long _leasesTaken;
    private bool _unreachable;

    /// <param name="ensureSchema">Brings the ledger's schema up to date before the first lease (the ledger's own, shared).</param>
    public PostgresCloudBudget(
        NpgsqlDataSource dataSource, UsageLedgerOptions? options = null, PostgresBudgetOptions? leases = null, ILogger? logger = null,
        Func<CancellationToken, Task>? ensureSchema = null)
    {
        _ensureSchema = ensureSchema;
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _options = options ?? new UsageLedgerOptions();
        _leases = leases ?? new PostgresBudgetOptions();
        _logger = logger ?? NullLogger.Instance;
        _upkeep = Task.Run(UpkeepLoopAsync);
    }

    /// <summary>Leases this process took from the database (each one a short transaction); requests served from a lease took none.</summary>
    public long LeasesTaken => Interlocked.Read(ref _leasesTaken);

    /// <summary>The team scope's last known standing, without waiting for the database (a refresh starts in the background when it
    /// is more than two seconds old): settled spend of given-back leases, and the leases still held in full.</summary>
    public BudgetStanding Standing
    {
        get
        {
            DateTimeOffset now = _options.Clock.GetUtcNow();
            lock (_gate)
            {
                if (now - _standingAt > StaleAfter && Interlocked.Exchange(ref _refreshing, 1) == 0)
                {
                    _ = Task.Run(RefreshInBackgroundAsync);
                }

                return _standing;
            }
        }
    }

    /// <summary>Reads the team scope's standing from the database now.</summary>
    public async Task<BudgetStanding> RefreshAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = _options.Clock.GetUtcNow();
        DateOnly today = LocalDay(now);
        DateOnly month = new(today.Year, today.Month, 1);
        await using NpgsqlCommand read = _dataSource.CreateCommand("""
            SELECT COALESCE(SUM(spent_nano) FILTER (WHERE day = $2 AND returned_at IS NOT NULL), 0),
                   COALESCE(SUM(GREATEST(leased_nano, spent_nano)) FILTER (WHERE day = $2 AND returned_at IS NULL), 0),
                   COALESCE(SUM(spent_nano) FILTER (WHERE returned_at IS NOT NULL), 0),
                   COALESCE(SUM(GREATEST(leased_nano, spent_nano)) FILTER (WHERE returned_at IS NULL), 0)
            FROM router_budget_leases WHERE scope = $1 AND day >= $3 AND day < $4
            """);
        read.Parameters.Add(new NpgsqlParameter { Value = TeamScope });
        read.Parameters.Add(new NpgsqlParameter { Value = today });
        read.Parameters.Add(new NpgsqlParameter { Value = month });
        read.Parameters.Add(new NpgsqlParameter { Value = month.AddMonths(1) });
        await using NpgsqlDataReader reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        BudgetStanding standing = new(
            UsageLedger.Usd(reader.GetInt64(0)), UsageLedger.Usd(reader.GetInt64(1)), UsageLedger.Usd(reader.GetInt64(2)), UsageLedger.Usd(reader.GetInt64(3)));
        lock (_gate)
        {
            if (now >= _standingAt)
            {
                (_standing, _standingAt) = (standing, now);
            }
        }

        return standing;
    }

    /// <summary>Sets the claim's cost aside in the team's budget and, when the claim has a scope with limits (a gateway key), in
    /// that scope's too; granted only when both have room.</summary>
    public async Task<BudgetReservation> ReserveAsync(BudgetClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentOutOfRangeException.ThrowIfNegative(claim.Usd);
        DateOnly today = LocalDay(_options.Clock.GetUtcNow());
        string id = Guid.NewGuid().ToString("N");
        long nano = UsageLedger.Nano(claim.Usd);
        (BudgetLease? team, string? refusal) = await TakeAsync(
            TeamScope, (decimal)claim.Budget.DailyUsd, claim.Budget.MonthlyUsd is { } monthly ? (decimal)monthly : null, nano, today, cancellationToken)
            .ConfigureAwait(false);
        if (team is null)
        {
            return new BudgetReservation(id, claim, today, refusal);
        }

        (BudgetLease Lease, long Nano)[] held = [(team, nano)];
        if (claim.Scope is { } scope && (scope.DailyUsd is not null || scope.MonthlyUsd is not null))
        {
            (BudgetLease? own, string? scopeRefusal) = await TakeAsync(
                scope.Name, scope.DailyUsd, scope.MonthlyUsd, nano, today, cancellationToken).ConfigureAwait(false);
            if (own is null)
            {
                Release(team, nano, 0);
                return new BudgetReservation(id, claim, today, scopeRefusal);
            }

            held = [(team, nano), (own, nano)];
        }

        _reservations[id] = held;
        return new BudgetReservation(id, claim, today, null);
    }

    /// <summary>Replaces the reservation by the request's real cost (0 when it gave no answer). In memory: the lease's spend reaches
    /// the database when the lease is given back (or, for one given back already, at the next upkeep).</summary>
    public Task SettleAsync(BudgetReservation reservation, decimal usd, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentOutOfRangeException.ThrowIfNegative(usd);
        if (reservation.Granted && _reservations.TryRemove(reservation.Id, out (BudgetLease Lease, long Nano)[]? held))
        {
            foreach ((BudgetLease lease, long nano) in held)
            {
                Release(lease, nano, UsageLedger.Nano(usd));
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Takes <paramref name="nano"/> from the scope's lease in hand, or from a new lease when it has too little left.</summary>
    private async Task<(BudgetLease? Lease, string? Refusal)> TakeAsync(
        string scope, decimal? dailyUsd, decimal? monthlyUsd, long nano, DateOnly today, CancellationToken cancellationToken)
    {
        DateTimeOffset now = _options.Clock.GetUtcNow();
        ScopeAccount account = _accounts.GetOrAdd(scope, _ => new ScopeAccount());
        await account.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (account.Current is { } held)
            {
                if (held.Day == today && TryTake(held, nano, now))
                {
                    return (held, null);
                }

                await GiveBackAsync(held, cancellationToken).ConfigureAwait(false);
                account.Current = null;
            }

            (BudgetLease? taken, string? refusal) = await LeaseAsync(scope, today, nano, dailyUsd, monthlyUsd, now, cancellationToken).ConfigureAwait(false);
            if (taken is not null)
            {
                TryTake(taken, nano, now);
                account.Current = taken;
            }

            return (taken, refusal);
        }
        finally
        {
            account.Gate.Release();
        }
    }

    private static void Release(BudgetLease lease, long reservedNano, long spentNano)
    {
        lock (lease)
        {
            lease.UsedNano += spentNano - reservedNano;
            lease.InFlight--;
            lease.Dirty |= lease.Returned;
        }
    }

    /// <summary>Gives back every lease (its unused part is free for the others at once) and stops the upkeep.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _upkeep.ConfigureAwait(false);
        using CancellationTokenSource patience = new(TimeSpan.FromSeconds(5));
        try
        {
            foreach (ScopeAccount account in _accounts.Values)
            {
                if (account.Current is { } lease)
                {
                    await GiveBackAsync(lease, patience.Token).ConfigureAwait(false);
                    account.Current = null;
                }
            }

            await WriteReturnedAsync(patience.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException || PostgresUsageLedger.IsUnreachable(e))
        {
            UsageLedgerLog.BudgetProblem(_logger, $"cannot give back the budget leases ({PostgresUsageLedger.Describe(e)}); they stay counted in full");
        }

        _stop.Dispose();
        _writing.Dispose();
    }

    private static bool TryTake(BudgetLease lease, long nano, DateTimeOffset now)
    {
        lock (lease)
        {
            if (lease.RemainingNano < nano)
            {
                return false;
            }

            lease.UsedNano += nano;
            lease.InFlight++;
            lease.LastUsed = now;
            return true;
        }
    }

    private async Task<(BudgetLease? Lease, string? Refusal)> LeaseAsync(
        string scope, DateOnly today, long nano, decimal? dailyUsd, decimal? monthlyUsd, DateTimeOffset now, CancellationToken cancellationToken)
    {
        long daily = dailyUsd is { } d ? UsageLedger.Nano(d) : long.MaxValue;
        long monthly = monthlyUsd is { } m ? UsageLedger.Nano(m) : long.MaxValue;
        DateOnly month = new(today.Year, today.Month, 1);
        try
        {
            if (_ensureSchema is not null)
            {
                await _ensureSchema(cancellationToken).ConfigureAwait(false);
            }

            await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            long committedToday, committedMonth;
            await using (NpgsqlCommand lockScope = new("SELECT pg_advisory_xact_lock(1919251059, hashtext($1))", connection, transaction))
            {
                lockScope.Parameters.Add(new NpgsqlParameter { Value = scope });
                await lockScope.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (NpgsqlCommand read = new("""
                SELECT COALESCE(SUM(c) FILTER (WHERE day = $2), 0), COALESCE(SUM(c), 0) FROM (
                    SELECT day, CASE WHEN returned_at IS NULL THEN GREATEST(leased_nano, spent_nano) ELSE spent_nano END AS c
                    FROM router_budget_leases WHERE scope = $1 AND day >= $3 AND day < $4) AS leases
                """, connection, transaction))
            {
                read.Parameters.Add(new NpgsqlParameter { Value = scope });
                read.Parameters.Add(new NpgsqlParameter { Value = today });
                read.Parameters.Add(new NpgsqlParameter { Value = month });
                read.Parameters.Add(new NpgsqlParameter { Value = month.AddMonths(1) });
                await using NpgsqlDataReader reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                (committedToday, committedMonth) = (reader.GetInt64(0), reader.GetInt64(1));
            }

            long available = Math.Min(daily == long.MaxValue ? long.MaxValue : daily - committedToday, monthly == long.MaxValue ? long.MaxValue : monthly - committedMonth);
            if (available < nano)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return (null, Refusal(scope, committedToday, committedMonth, nano, daily, monthly));
            }

            long desired = Math.Max(nano * _leases.LeaseRequests, daily == long.MaxValue ? 0 : (long)(daily * _leases.LeaseShareOfDay));
            long slice = Math.Min(available, Math.Min(desired, Math.Max(nano, available / 4)));
            BudgetLease lease = new(Guid.NewGuid(), scope, today, slice) { LastUsed = now };
            await using (NpgsqlCommand insert = new(
                "INSERT INTO router_budget_leases(id, scope, day, leased_nano, holder, taken_at) VALUES($1, $2, $3, $4, $5, now())", connection, transaction))
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = lease.Id });
                insert.Parameters.Add(new NpgsqlParameter { Value = scope });
                insert.Parameters.Add(new NpgsqlParameter { Value = today });
                insert.Parameters.Add(new NpgsqlParameter { Value = slice });
                insert.Parameters.Add(new NpgsqlParameter { Value = _holder });
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _leasesTaken);
            if (_unreachable)
            {
                _unreachable = false;
                UsageLedgerLog.BudgetProblem(_logger, "the team budget can be checked again; metered cloud requests go ahead");
            }

            return (lease, null);
        }
        catch (Exception e) when (PostgresUsageLedger.IsUnreachable(e))
        {
            if (!_unreachable)
            {
                _unreachable = true;
                UsageLedgerLog.BudgetProblem(
                    _logger, $"the team budget cannot be checked ({PostgresUsageLedger.Describe(e)}); no metered cloud spend past the leases held until it can");
            }

            return (null, "the team budget cannot be checked (its PostgreSQL is unreachable): no metered cloud spend until it can");
        }
        catch (PostgresException e)
        {
            // The database answered but refused (a schema a newer router changed, a permission): the same rule, said as it is.
            UsageLedgerLog.BudgetProblem(_logger, $"the team budget cannot be checked ({e.SqlState} {e.MessageText}); no metered cloud spend until it can");
            return (null, $"the team budget cannot be checked (PostgreSQL said {e.SqlState}): no metered cloud spend until it can");
        }
    }

    private static string Refusal(string scope, long committedToday, long committedMonth, long nano, long daily, long monthly)
    {
        string who = scope == TeamScope ? "the team's" : $"{scope}'s";
        return committedToday + nano > daily
            ? FormattableString.Invariant(
                $"over {who} daily budget (${UsageLedger.Usd(committedToday):0.00} spent or held, ~${UsageLedger.Usd(nano):0.0000} more, ${UsageLedger.Usd(daily):0.00} a day)")
            : FormattableString.Invariant(
                $"over {who} monthly budget (${UsageLedger.Usd(committedMonth):0.00} spent or held, ~${UsageLedger.Usd(nano):0.0000} more, ${UsageLedger.Usd(monthly):0.00} a month)");
    }

    /// <summary>Writes the lease's spend and marks it given back; on failure it stays held (counted in full) and is tried again.</summary>
    private async Task GiveBackAsync(BudgetLease lease, CancellationToken cancellationToken)
    {
        lock (lease)
        {
            lease.Returned = true;
            lease.Dirty = true;
        }

        lock (_returned)
        {
            _returned.Add(lease);
        }

        try
        {
            await WriteReturnedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException || PostgresUsageLedger.IsUnreachable(e))
        {
            // Written at the next upkeep; until then the lease counts in full, which only holds back more than needed.
        }
    }

    /// <summary>Writes the spend of every given-back lease that changed; forgets those with nothing in flight.</summary>
    private async Task WriteReturnedAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteReturnedInOrderAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task WriteReturnedInOrderAsync(CancellationToken cancellationToken)
    {
        List<(BudgetLease Lease, long Spent)> dirty = [];
        lock (_returned)
        {
            foreach (BudgetLease lease in _returned)
            {
                lock (lease)
                {
                    if (lease.Dirty)
                    {
                        dirty.Add((lease, lease.UsedNano));
                        lease.Dirty = false;
                    }
                }
            }
        }

        if (dirty.Count == 0)
        {
            return;
        }

        try
        {
            await using NpgsqlBatch batch = _dataSource.CreateBatch();
            foreach ((BudgetLease lease, long spent) in dirty)
            {
                NpgsqlBatchCommand update = new("UPDATE router_budget_leases SET spent_nano = $2, returned_at = COALESCE(returned_at, now()) WHERE id = $1");
                update.Parameters.Add(new NpgsqlParameter { Value = lease.Id });
                update.Parameters.Add(new NpgsqlParameter { Value = spent, NpgsqlDbType = NpgsqlDbType.Bigint });
                batch.BatchCommands.Add(update);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            foreach ((BudgetLease lease, _) in dirty)
            {
                lock (lease)
                {
                    lease.Dirty = true;
                }
            }

            throw;
        }

        lock (_returned)
        {
            _returned.RemoveAll(lease =>
            {
                lock (lease)
                {
                    return !lease.Dirty && lease.InFlight == 0;
                }
            });
        }
    }

    private async Task UpkeepLoopAsync()
    {
        using PeriodicTimer timer = new(_leases.UpkeepInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                try
                {
                    await GiveBackIdleAsync(_stop.Token).ConfigureAwait(false);
                    await WriteReturnedAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is NpgsqlException || PostgresUsageLedger.IsUnreachable(e))
                {
                    // Tried again at the next tick; reservations go on from the leases held.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Closing.
        }
    }

    private async Task GiveBackIdleAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = _options.Clock.GetUtcNow();
        foreach (ScopeAccount account in _accounts.Values)
        {
            if (account.Current is not { } lease || !account.Gate.Wait(0, CancellationToken.None))
            {
                continue;
            }

            try
            {
                bool idle;
                lock (lease)
                {
                    idle = lease.InFlight == 0 && now - lease.LastUsed >= _leases.IdleReturn;
                }

                if (idle && account.Current == lease)
                {
                    account.Current = null;
                    await GiveBackAsync(lease, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                account.Gate.Release();
            }
        }
    }

    private DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _options.Clock.LocalTimeZone).DateTime);

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            await RefreshAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException || PostgresUsageLedger.IsUnreachable(e))
        {
            // The last known standing stays; the reservations decide by the database, not by this figure.
        }
        finally
        {
            Interlocked.Exchange(ref _refreshing, 0);
        }
    }
}

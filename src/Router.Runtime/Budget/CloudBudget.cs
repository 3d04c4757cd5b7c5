using Microsoft.Data.Sqlite;
using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Runtime.Usage;

namespace Router.Runtime.Budget;

/// <summary>The daily and monthly cloud budgets, held across every process sharing the usage ledger: before a priced cloud
/// request its estimated cost is reserved in one short <c>BEGIN IMMEDIATE</c> transaction that first checks what is spent
/// and reserved (so two processes can never both take the last dollar), and after it the reservation is settled with the
/// real cost. A reservation of a process that died expires after <see cref="UsageLedgerOptions.ReservationLifetime"/>.
/// When the database cannot be used the budget falls back to this process's own count, and says so in the log.</summary>
public sealed class CloudBudget
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(2);

    private readonly UsageLedger _ledger;
    private readonly UsageLedgerOptions _options;
    private readonly Lock _gate = new();
    private BudgetStanding _standing = BudgetStanding.Zero;
    private DateTimeOffset _standingAt = DateTimeOffset.MinValue;
    private DateOnly _standingDay;
    private int _refreshing;

    internal CloudBudget(UsageLedger ledger, UsageLedgerOptions options)
    {
        _ledger = ledger;
        _options = options;
    }

    /// <summary>The last known standing, without waiting for the database (a refresh starts in the background when it is more
    /// than two seconds old). What the policy and the status bar read on every request.</summary>
    public BudgetStanding Standing
    {
        get
        {
            DateTimeOffset now = _options.Clock.GetUtcNow();
            lock (_gate)
            {
                if (_ledger.LocalDay(now) != _standingDay && _standingAt != DateTimeOffset.MinValue && _ledger.IsOpen)
                {
                    // A new day: yesterday's figure must not refuse today's requests while the refresh runs.
                    _standing = _standing with { SpentToday = 0, ReservedToday = 0 };
                }

                if (now - _standingAt > StaleAfter && _ledger.IsOpen && Interlocked.Exchange(ref _refreshing, 1) == 0)
                {
                    _ = Task.Run(RefreshInBackgroundAsync);
                }

                return _standing;
            }
        }
    }

    /// <summary>Reads the standing from the database now.</summary>
    public async Task<BudgetStanding> RefreshAsync(CancellationToken cancellationToken)
    {
        if (!_ledger.IsOpen)
        {
            return Standing;
        }

        DateTimeOffset now = _options.Clock.GetUtcNow();
        await using SqliteConnection connection = await UsageLedger.ConnectAsync(_ledger.Path, _options, cancellationToken).ConfigureAwait(false);
        BudgetStanding standing = await ReadStandingAsync(connection, _ledger.LocalDay(now), cancellationToken).ConfigureAwait(false);
        Remember(standing, now);
        return standing;
    }

    /// <summary>Sets <paramref name="usd"/> aside for a request to <paramref name="endpoint"/>, unless it would take today's or
    /// this month's spend and reservations past <paramref name="budget"/>.</summary>
    public async Task<BudgetReservation> ReserveAsync(string endpoint, Tier tier, decimal usd, BudgetConfig budget, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentOutOfRangeException.ThrowIfNegative(usd);
        DateTimeOffset now = _options.Clock.GetUtcNow();
        DateOnly today = _ledger.LocalDay(now);
        string id = Guid.NewGuid().ToString("N");
        if (_ledger.IsOpen)
        {
            try
            {
                return await ReserveInLedgerAsync(id, usd, budget, now, today, cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException e)
            {
                UsageLedgerLog.BudgetProblem(_ledger.Logger, $"cannot reserve in the usage ledger ({e.Message}); this process's last known spend decides");
            }
        }

        lock (_gate)
        {
            string? refusal = Refusal(_standing, usd, budget);
            if (refusal is null)
            {
                _standing = _standing with { ReservedToday = _standing.ReservedToday + usd, ReservedThisMonth = _standing.ReservedThisMonth + usd };
            }

            return new BudgetReservation(id, usd, today, refusal);
        }
    }

    /// <summary>Replaces the reservation by the request's real cost (0 when it failed or was cancelled before an answer).
    /// Never throws for the database's sake: a failed write is logged, and the reservation then expires on its own.</summary>
    public async Task SettleAsync(BudgetReservation reservation, string endpoint, Tier tier, decimal usd, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentOutOfRangeException.ThrowIfNegative(usd);
        if (!reservation.Granted)
        {
            return;
        }

        if (_ledger.IsOpen)
        {
            try
            {
                await SettleInLedgerAsync(reservation, endpoint, tier, usd, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SqliteException e)
            {
                UsageLedgerLog.BudgetProblem(_ledger.Logger, $"cannot settle a reservation in the usage ledger ({e.Message}); it expires on its own");
            }
        }

        lock (_gate)
        {
            _standing = new BudgetStanding(
                _standing.SpentToday + usd, Math.Max(0, _standing.ReservedToday - reservation.Usd),
                _standing.SpentThisMonth + usd, Math.Max(0, _standing.ReservedThisMonth - reservation.Usd));
        }
    }

    private async Task<BudgetReservation> ReserveInLedgerAsync(
        string id, decimal usd, BudgetConfig budget, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await UsageLedger.ConnectAsync(_ledger.Path, _options, cancellationToken).ConfigureAwait(false);

        // IMMEDIATE takes the write lock before reading: the check and the insert see no other process's reservation in between.
        await using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        await using (SqliteCommand expire = connection.CreateCommand())
        {
            expire.CommandText = "DELETE FROM reservations WHERE expires_ticks < $now";
            expire.Parameters.AddWithValue("$now", now.UtcTicks);
            await expire.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        BudgetStanding standing = await ReadStandingAsync(connection, today, cancellationToken).ConfigureAwait(false);
        string? refusal = Refusal(standing, usd, budget);
        if (refusal is null)
        {
            await using SqliteCommand insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO reservations VALUES($id, $day, $cost, $expires)";
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$day", UsageLedger.Day(today));
            insert.Parameters.AddWithValue("$cost", UsageLedger.Nano(usd));
            insert.Parameters.AddWithValue("$expires", (now + _options.ReservationLifetime).UtcTicks);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            standing = standing with { ReservedToday = standing.ReservedToday + usd, ReservedThisMonth = standing.ReservedThisMonth + usd };
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        Remember(standing, now);
        return new BudgetReservation(id, usd, today, refusal);
    }

    private async Task SettleInLedgerAsync(BudgetReservation reservation, string endpoint, Tier tier, decimal usd, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await UsageLedger.ConnectAsync(_ledger.Path, _options, cancellationToken).ConfigureAwait(false);
        await using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        await using SqliteCommand settle = connection.CreateCommand();
        settle.CommandText = usd > 0
            ? """
              DELETE FROM reservations WHERE id = $id;
              INSERT INTO spend VALUES($day, $endpoint, $tier, $cost, 1)
              ON CONFLICT(day, endpoint, tier) DO UPDATE SET cost_nano = cost_nano + $cost, requests = requests + 1;
              """
            : "DELETE FROM reservations WHERE id = $id;";
        settle.Parameters.AddWithValue("$id", reservation.Id);
        settle.Parameters.AddWithValue("$day", UsageLedger.Day(reservation.Day));
        settle.Parameters.AddWithValue("$endpoint", endpoint);
        settle.Parameters.AddWithValue("$tier", tier.Name());
        settle.Parameters.AddWithValue("$cost", UsageLedger.Nano(usd));
        await settle.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = _options.Clock.GetUtcNow();
        BudgetStanding standing = await ReadStandingAsync(connection, _ledger.LocalDay(now), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        Remember(standing, now);
    }

    private static async Task<BudgetStanding> ReadStandingAsync(SqliteConnection connection, DateOnly today, CancellationToken cancellationToken)
    {
        DateOnly monthStart = new(today.Year, today.Month, 1);
        await using SqliteCommand read = connection.CreateCommand();
        read.CommandText = """
            SELECT (SELECT COALESCE(SUM(cost_nano), 0) FROM spend WHERE day = $today),
                   (SELECT COALESCE(SUM(cost_nano), 0) FROM reservations WHERE day = $today),
                   (SELECT COALESCE(SUM(cost_nano), 0) FROM spend WHERE day >= $month AND day < $next),
                   (SELECT COALESCE(SUM(cost_nano), 0) FROM reservations WHERE day >= $month AND day < $next)
            """;
        read.Parameters.AddWithValue("$today", UsageLedger.Day(today));
        read.Parameters.AddWithValue("$month", UsageLedger.Day(monthStart));
        read.Parameters.AddWithValue("$next", UsageLedger.Day(monthStart.AddMonths(1)));
        await using SqliteDataReader reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new BudgetStanding(
            UsageLedger.Usd(reader.GetInt64(0)), UsageLedger.Usd(reader.GetInt64(1)), UsageLedger.Usd(reader.GetInt64(2)), UsageLedger.Usd(reader.GetInt64(3)));
    }

    private static string? Refusal(BudgetStanding standing, decimal usd, BudgetConfig budget)
    {
        decimal daily = (decimal)budget.DailyUsd;
        if (standing.CommittedToday + usd > daily)
        {
            return FormattableString.Invariant(
                $"over the daily budget (${standing.SpentToday:0.00} spent, ${standing.ReservedToday:0.00} in flight, ~${usd:0.0000} more, ${daily:0.00} a day)");
        }

        if (budget.MonthlyUsd is { } monthlyLimit && standing.CommittedThisMonth + usd > (decimal)monthlyLimit)
        {
            return FormattableString.Invariant(
                $"over the monthly budget (${standing.SpentThisMonth:0.00} spent, ${standing.ReservedThisMonth:0.00} in flight, ~${usd:0.0000} more, ${(decimal)monthlyLimit:0.00} a month)");
        }

        return null;
    }

    private void Remember(BudgetStanding standing, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (at >= _standingAt)
            {
                _standing = standing;
                _standingAt = at;
                _standingDay = _ledger.LocalDay(at);
            }
        }
    }

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            await RefreshAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            UsageLedgerLog.BudgetProblem(_ledger.Logger, $"cannot read the spend from the usage ledger ({e.Message})");
        }
        finally
        {
            Interlocked.Exchange(ref _refreshing, 0);
        }
    }
}

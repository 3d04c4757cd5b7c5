using Microsoft.Data.Sqlite;
using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Runtime.Usage;

namespace Router.Runtime.Budget;

/// <summary>The daily and monthly cloud budgets, held across every process sharing the usage ledger: before a priced cloud
/// request its estimated cost is reserved in one short <c>BEGIN IMMEDIATE</c> transaction that first checks what is spent
/// and reserved (so two processes can never both take the last dollar), and after it the reservation is settled with the
/// real cost. A reservation of a process that died expires after <see cref="UsageLedgerOptions.ReservationLifetime"/>.
/// A claim with a <see cref="BudgetScope"/> (a gateway key's) is checked against the scope's spend and reservations as well.
/// When the database cannot be used the budget falls back to this process's own count, and says so in the log.</summary>
public sealed class CloudBudget : ICloudBudget
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(2);

    private readonly UsageLedger _ledger;
    private readonly UsageLedgerOptions _options;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, BudgetStanding> _scopes = new(StringComparer.Ordinal);
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
        BudgetStanding standing = await ReadStandingAsync(connection, _ledger.LocalDay(now), null, cancellationToken).ConfigureAwait(false);
        Remember(standing, now);
        return standing;
    }

    /// <inheritdoc />
    public async Task<BudgetReservation> ReserveAsync(BudgetClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentException.ThrowIfNullOrWhiteSpace(claim.Endpoint);
        ArgumentNullException.ThrowIfNull(claim.Budget);
        ArgumentOutOfRangeException.ThrowIfNegative(claim.Usd);
        DateTimeOffset now = _options.Clock.GetUtcNow();
        DateOnly today = _ledger.LocalDay(now);
        string id = Guid.NewGuid().ToString("N");
        if (_ledger.IsOpen)
        {
            try
            {
                return await ReserveInLedgerAsync(id, claim, now, today, cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException e)
            {
                UsageLedgerLog.BudgetProblem(_ledger.Logger, $"cannot reserve in the usage ledger ({e.Message}); this process's last known spend decides");
            }
        }

        lock (_gate)
        {
            BudgetStanding scoped = claim.Scope is { } scope ? _scopes.GetValueOrDefault(scope.Name, BudgetStanding.Zero) : BudgetStanding.Zero;
            string? refusal = Refusal(_standing, claim.Usd, claim.Budget) ?? ScopeRefusal(scoped, claim);
            if (refusal is null)
            {
                _standing = Reserved(_standing, claim.Usd);
                if (claim.Scope is { } granted)
                {
                    _scopes[granted.Name] = Reserved(scoped, claim.Usd);
                }
            }

            return new BudgetReservation(id, claim, today, refusal);
        }
    }

    /// <inheritdoc />
    public async Task SettleAsync(BudgetReservation reservation, decimal usd, CancellationToken cancellationToken)
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
                await SettleInLedgerAsync(reservation, usd, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SqliteException e)
            {
                UsageLedgerLog.BudgetProblem(_ledger.Logger, $"cannot settle a reservation in the usage ledger ({e.Message}); it expires on its own");
            }
        }

        lock (_gate)
        {
            _standing = Settled(_standing, reservation.Usd, usd);
            if (reservation.Claim.Scope is { } scope)
            {
                _scopes[scope.Name] = Settled(_scopes.GetValueOrDefault(scope.Name, BudgetStanding.Zero), reservation.Usd, usd);
            }
        }
    }

    private static BudgetStanding Reserved(BudgetStanding standing, decimal usd) =>
        standing with { ReservedToday = standing.ReservedToday + usd, ReservedThisMonth = standing.ReservedThisMonth + usd };

    private static BudgetStanding Settled(BudgetStanding standing, decimal reserved, decimal usd) => new(
        standing.SpentToday + usd, Math.Max(0, standing.ReservedToday - reserved),
        standing.SpentThisMonth + usd, Math.Max(0, standing.ReservedThisMonth - reserved));

    private async Task<BudgetReservation> ReserveInLedgerAsync(
        string id, BudgetClaim claim, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
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

        BudgetStanding standing = await ReadStandingAsync(connection, today, null, cancellationToken).ConfigureAwait(false);
        string? refusal = Refusal(standing, claim.Usd, claim.Budget);
        if (refusal is null && claim.Scope is { } scope)
        {
            refusal = ScopeRefusal(await ReadStandingAsync(connection, today, scope.Name, cancellationToken).ConfigureAwait(false), claim);
        }

        if (refusal is null)
        {
            await using SqliteCommand insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO reservations(id, day, cost_nano, expires_ticks, scope) VALUES($id, $day, $cost, $expires, $scope)";
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$day", UsageLedger.Day(today));
            insert.Parameters.AddWithValue("$cost", UsageLedger.Nano(claim.Usd));
            insert.Parameters.AddWithValue("$expires", (now + _options.ReservationLifetime).UtcTicks);
            insert.Parameters.AddWithValue("$scope", (object?)claim.Scope?.Name ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            standing = Reserved(standing, claim.Usd);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        Remember(standing, now);
        return new BudgetReservation(id, claim, today, refusal);
    }

    private async Task SettleInLedgerAsync(BudgetReservation reservation, decimal usd, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await UsageLedger.ConnectAsync(_ledger.Path, _options, cancellationToken).ConfigureAwait(false);
        await using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        await using SqliteCommand settle = connection.CreateCommand();
        BudgetClaim claim = reservation.Claim;
        settle.CommandText = "DELETE FROM reservations WHERE id = $id;"
            + (usd > 0
                ? """
                  INSERT INTO spend VALUES($day, $endpoint, $tier, $cost, 1)
                  ON CONFLICT(day, endpoint, tier) DO UPDATE SET cost_nano = cost_nano + $cost, requests = requests + 1;
                  """
                : "")
            + (usd > 0 && claim.Scope is not null
                ? """
                  INSERT INTO scope_spend VALUES($day, $scope, $cost, 1)
                  ON CONFLICT(day, scope) DO UPDATE SET cost_nano = cost_nano + $cost, requests = requests + 1;
                  """
                : "");
        settle.Parameters.AddWithValue("$id", reservation.Id);
        settle.Parameters.AddWithValue("$day", UsageLedger.Day(reservation.Day));
        settle.Parameters.AddWithValue("$endpoint", claim.Endpoint);
        settle.Parameters.AddWithValue("$tier", claim.Tier.Name());
        settle.Parameters.AddWithValue("$cost", UsageLedger.Nano(usd));
        settle.Parameters.AddWithValue("$scope", (object?)claim.Scope?.Name ?? DBNull.Value);
        await settle.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = _options.Clock.GetUtcNow();
        BudgetStanding standing = await ReadStandingAsync(connection, _ledger.LocalDay(now), null, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        Remember(standing, now);
    }

    /// <summary>The configuration's standing (<paramref name="scope"/> null), or one scope's.</summary>
    private static async Task<BudgetStanding> ReadStandingAsync(SqliteConnection connection, DateOnly today, string? scope, CancellationToken cancellationToken)
    {
        DateOnly monthStart = new(today.Year, today.Month, 1);
        await using SqliteCommand read = connection.CreateCommand();
        read.CommandText = scope is null
            ? """
              SELECT (SELECT COALESCE(SUM(cost_nano), 0) FROM spend WHERE day = $today),
                     (SELECT COALESCE(SUM(cost_nano), 0) FROM reservations WHERE day = $today),
                     (SELECT COALESCE(SUM(cost_nano), 0) FROM spend WHERE day >= $month AND day < $next),
                     (SELECT COALESCE(SUM(cost_nano), 0) FROM reservations WHERE day >= $month AND day < $next)
              """
            : """
              SELECT (SELECT COALESCE(SUM(cost_nano), 0) FROM scope_spend WHERE scope = $scope AND day = $today),
                     (SELECT COALESCE(SUM(cost_nano), 0) FROM reservations WHERE scope = $scope AND day = $today),
                     (SELECT COALESCE(SUM(cost_nano), 0) FROM scope_spend WHERE scope = $scope AND day >= $month AND day < $next),
                     (SELECT COALESCE(SUM(cost_nano), 0) FROM reservations WHERE scope = $scope AND day >= $month AND day < $next)
              """;
        read.Parameters.AddWithValue("$scope", (object?)scope ?? DBNull.Value);
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

    private static string? ScopeRefusal(BudgetStanding standing, BudgetClaim claim)
    {
        if (claim.Scope is not { } scope)
        {
            return null;
        }

        if (scope.DailyUsd is { } daily && standing.CommittedToday + claim.Usd > daily)
        {
            return FormattableString.Invariant(
                $"over {scope.Name}'s daily budget (${standing.SpentToday:0.00} spent, ${standing.ReservedToday:0.00} in flight, ~${claim.Usd:0.0000} more, ${daily:0.00} a day)");
        }

        if (scope.MonthlyUsd is { } monthly && standing.CommittedThisMonth + claim.Usd > monthly)
        {
            return FormattableString.Invariant(
                $"over {scope.Name}'s monthly budget (${standing.SpentThisMonth:0.00} spent, ${standing.ReservedThisMonth:0.00} in flight, ~${claim.Usd:0.0000} more, ${monthly:0.00} a month)");
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

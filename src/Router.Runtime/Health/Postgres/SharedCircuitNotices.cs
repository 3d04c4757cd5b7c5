using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Router.Runtime.Usage;
using Router.Runtime.Usage.Postgres;

namespace Router.Runtime.Health.Postgres;

/// <summary>Shared health for a team's routers: when a circuit opens here (a host found dead), the opening is published with
/// PostgreSQL <c>NOTIFY</c>, and every other router <c>LISTEN</c>ing opens its own circuit for that endpoint at once, for the time
/// the notice names but never longer than <see cref="EndpointHealthOptions.MaxPeerHold"/>. Notices carry an absolute end time,
/// so one delivered late holds for what is left of it, and one already past changes nothing. A lost connection is re-made every
/// second; while it is down each router only knows what it sees itself.</summary>
public sealed class SharedCircuitNotices : IAsyncDisposable
{
    /// <summary>The PostgreSQL notification channel the routers share.</summary>
    public const string ChannelName = "router_circuits";

    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    private readonly NpgsqlDataSource _dataSource;
    private readonly EndpointHealthTracker _health;
    private readonly ILogger _logger;
    private readonly string _origin = Guid.NewGuid().ToString("N");
    private readonly Channel<EndpointHealthSnapshot> _outgoing =
        Channel.CreateBounded<EndpointHealthSnapshot>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _listener;
    private readonly Task _publisher;
    private long _published;
    private long _applied;
    private bool _down;

    public SharedCircuitNotices(NpgsqlDataSource dataSource, EndpointHealthTracker health, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(health);
        _dataSource = dataSource;
        _health = health;
        _logger = logger ?? NullLogger.Instance;
        _health.StateChanged += OnStateChanged;
        _listener = Task.Run(ListenLoopAsync);
        _publisher = Task.Run(PublishLoopAsync);
    }

    /// <summary>Completes once this router listens (the first time); notices published before then are not seen here.</summary>
    public Task Listening => _listening.Task;

    /// <summary>Openings this router told the others about.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Other routers' notices that opened a circuit here.</summary>
    public long Applied => Interlocked.Read(ref _applied);

    public async ValueTask DisposeAsync()
    {
        _health.StateChanged -= OnStateChanged;
        _outgoing.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_listener, _publisher).ConfigureAwait(false);
        _stop.Dispose();
    }

    private void OnStateChanged(object? sender, EndpointHealthSnapshot snapshot)
    {
        if (snapshot is { State: EndpointCircuitState.Open, FromPeer: false, OpenUntil: not null })
        {
            _outgoing.Writer.TryWrite(snapshot);
        }
    }

    private async Task PublishLoopAsync()
    {
        try
        {
            await foreach (EndpointHealthSnapshot snapshot in _outgoing.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                string? reason = snapshot.LastError is { Length: > 200 } text ? text[..200] : snapshot.LastError;
                CircuitNotice notice = new(snapshot.Endpoint, snapshot.OpenUntil!.Value.ToUnixTimeMilliseconds(), _origin, reason);
                try
                {
                    await using NpgsqlCommand notify = _dataSource.CreateCommand("SELECT pg_notify($1, $2)");
                    notify.Parameters.Add(new NpgsqlParameter { Value = ChannelName });
                    notify.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(notice, CircuitNoticeJsonContext.Default.CircuitNotice) });
                    await notify.ExecuteNonQueryAsync(_stop.Token).ConfigureAwait(false);
                    Interlocked.Increment(ref _published);
                }
                catch (Exception e) when (PostgresUsageLedger.IsUnreachable(e))
                {
                    // The others find the host dead on their own; a notice sent late would say less than their own probes.
                    Down(e);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Closing.
        }
    }

    private async Task ListenLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(_stop.Token).ConfigureAwait(false);
                connection.Notification += OnNotification;
                await using (NpgsqlCommand listen = new($"LISTEN {ChannelName}", connection))
                {
                    await listen.ExecuteNonQueryAsync(_stop.Token).ConfigureAwait(false);
                }

                _listening.TrySetResult();
                if (_down)
                {
                    _down = false;
                    UsageLedgerLog.Unavailable(_logger, "shared health: listening to the other routers' circuit notices again");
                }

                while (!_stop.IsCancellationRequested)
                {
                    await connection.WaitAsync(_stop.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (PostgresUsageLedger.IsUnreachable(e))
            {
                Down(e);
                try
                {
                    await Task.Delay(Reconnect, _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        CircuitNotice? notice;
        try
        {
            notice = JsonSerializer.Deserialize(e.Payload, CircuitNoticeJsonContext.Default.CircuitNotice);
        }
        catch (JsonException)
        {
            return; // Not a notice of ours: someone else uses the channel name.
        }

        if (notice is null || notice.Origin == _origin || string.IsNullOrWhiteSpace(notice.Endpoint))
        {
            return;
        }

        string reason = notice.Reason is { } why ? $"another router found it down: {why}" : "another router found it down";
        if (_health.ApplyPeerOpening(notice.Endpoint, DateTimeOffset.FromUnixTimeMilliseconds(notice.UntilUnixMs), reason))
        {
            Interlocked.Increment(ref _applied);
        }
    }

    private void Down(Exception e)
    {
        if (!_down)
        {
            _down = true;
            UsageLedgerLog.Unavailable(_logger, $"shared health: PostgreSQL is unreachable ({PostgresUsageLedger.Describe(e)}); circuits are this router's own until it answers");
        }
    }
}

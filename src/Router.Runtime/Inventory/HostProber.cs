using Router.Core.Configuration;

namespace Router.Runtime.Inventory;

/// <summary>Probes every configured endpoint in the background, at once and then every interval, and reports each result,
/// so the health tracker learns of a dead (or revived) host without a user request paying for it.</summary>
public sealed class HostProber : IAsyncDisposable
{
    private readonly HostInventory _inventory;
    private readonly Func<IEnumerable<EndpointConfig>> _endpoints;
    private readonly Action<EndpointSnapshot> _onProbed;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task? _loop;
    private int _callbackFailures;

    /// <param name="inventory">Where the probes run and their results are cached.</param>
    /// <param name="endpoints">The endpoints to probe, asked again each round so a reloaded configuration is followed.</param>
    /// <param name="onProbed">Told every result, from a background thread; it should return quickly. An exception it throws
    /// is counted in <see cref="CallbackFailures"/> and does not stop the probing.</param>
    /// <param name="interval">Time between rounds, e.g. 30 s.</param>
    /// <param name="clock">Clock for the interval; null is the system clock.</param>
    public HostProber(
        HostInventory inventory,
        Func<IEnumerable<EndpointConfig>> endpoints,
        Action<EndpointSnapshot> onProbed,
        TimeSpan interval,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(onProbed);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _inventory = inventory;
        _endpoints = endpoints;
        _onProbed = onProbed;
        _interval = interval;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>How many times the callback threw.</summary>
    public int CallbackFailures => Volatile.Read(ref _callbackFailures);

    /// <summary>Starts probing: one round now, then one every interval, until <paramref name="cancellationToken"/> is cancelled
    /// or the prober is disposed. A second call does nothing.</summary>
    public void Start(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
            _loop ??= Task.Run(() => RunAsync(cancellationToken), CancellationToken.None);
        }
    }

    /// <summary>One round: probes every endpoint concurrently and reports each result as it arrives.</summary>
    public async Task ProbeAllAsync(CancellationToken cancellationToken)
    {
        var endpoints = _endpoints().Distinct().ToList();
        await Task.WhenAll(endpoints.Select(async endpoint =>
        {
            var snapshot = await _inventory.ProbeAsync(endpoint, cancellationToken);
            Report(snapshot);
        }));
    }

    /// <summary>Stops the probing and waits for a round in progress to end.</summary>
    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            _stopping.Cancel();
            loop = _loop;
        }

        if (loop is not null)
        {
            await loop;
        }

        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var token = linked.Token;
        try
        {
            using var timer = new PeriodicTimer(_interval, _clock);
            do
            {
                await ProbeAllAsync(token);
            }
            while (await timer.WaitForNextTickAsync(token));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped: the normal end.
        }
        catch (ObjectDisposedException)
        {
            // The inventory was disposed before the prober: nothing left to probe with.
        }
    }

    private void Report(EndpointSnapshot snapshot)
    {
        try
        {
            _onProbed(snapshot);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next round must still run: a health tracker that threw once should not blind the router for good.
            Interlocked.Increment(ref _callbackFailures);
        }
    }
}

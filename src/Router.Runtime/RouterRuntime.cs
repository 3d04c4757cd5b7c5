using Router.Backends.Endpoints;
using Router.Core.Configuration;
using Router.Runtime.Usage;
using Router.Runtime.Dispatch;
using Router.Runtime.Health;
using Router.Runtime.Inventory;

namespace Router.Runtime;

/// <summary>What a host process (the language server, <c>router ask</c>) runs requests with: hosts' health, what they hold,
/// today's spend and the dispatcher joining them, kept together so every request sees the same state.</summary>
public sealed class RouterRuntime : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private HostProber? _prober;

    /// <param name="inventory">Probes hosts for models, warm state and capabilities; null dispatches without host facts (tests, fakes).</param>
    /// <param name="status">Host facts to dispatch with instead of <paramref name="inventory"/>'s (a seam for tests).</param>
    /// <param name="ledger">The usage ledger: every dispatch is booked there and cloud budgets are held there across processes;
    /// null books nothing (a fresh budget each run). The runtime disposes it.</param>
    public RouterRuntime(
        IModelProviderSource providers,
        HostInventory? inventory = null,
        UsageLedger? ledger = null,
        EndpointHealthOptions? health = null,
        DispatchOptions? dispatch = null,
        TimeProvider? time = null,
        IModelStatusSource? status = null)
    {
        ArgumentNullException.ThrowIfNull(providers);
        Inventory = inventory;
        Ledger = ledger;
        Health = new EndpointHealthTracker(health, time);
        Dispatcher = new RequestDispatcher(
            providers,
            Health,
            status ?? inventory,
            (dispatch ?? new DispatchOptions()) with { SpentTodayUsd = SpentTodayUsd, Budget = ledger?.Budget, Usage = ledger },
            time);
    }

    public EndpointHealthTracker Health { get; }

    public HostInventory? Inventory { get; }

    public UsageLedger? Ledger { get; }

    public RequestDispatcher Dispatcher { get; }

    /// <summary>Cloud spend today across every process sharing the ledger, reservations of requests in flight included,
    /// as last seen (no I/O on the caller's path).</summary>
    public double SpentTodayUsd() => Ledger is null ? 0 : (double)Ledger.Budget.Standing.CommittedToday;

    /// <summary>Notes the answering model as loaded on the host that answered. (The dispatcher has booked the request and its cost.)</summary>
    public ValueTask RecordAsync(DispatchResult result, RouterConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(config);
        if (Inventory is not null && config.Endpoints.TryGetValue(result.Endpoint, out EndpointConfig? endpoint))
        {
            Inventory.NoteAnswered(endpoint, result.Model);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Models loaded on an endpoint as last seen (no I/O).</summary>
    public IReadOnlyList<string> WarmModels(string endpoint)
    {
        if (Inventory is null)
        {
            return [];
        }

        DateTimeOffset now = Inventory.Options.Clock.GetUtcNow();
        EndpointSnapshot? snapshot = Inventory.LastSnapshots().FirstOrDefault(s => s.Endpoint == endpoint);
        return snapshot?.LoadedModels is { } loaded
            ? [.. loaded.Where(model => model.ExpiresAt is not { } expiry || expiry > now).Select(model => model.Name)]
            : [];
    }

    /// <summary>Probes every endpoint now and then every <paramref name="interval"/>; a probe's result feeds the circuit breakers,
    /// so a host that came back is used again without a user request paying for the trial.</summary>
    public void StartProbing(Func<IEnumerable<EndpointConfig>> endpoints, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (Inventory is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_prober is not null)
            {
                return;
            }

            _prober = new HostProber(Inventory, endpoints, OnProbed, interval);
            _prober.Start(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        HostProber? prober;
        lock (_gate)
        {
            prober = _prober;
            _prober = null;
        }

        if (prober is not null)
        {
            await prober.DisposeAsync();
        }

        Inventory?.Dispose();
        if (Ledger is not null)
        {
            await Ledger.DisposeAsync();
        }
    }

    private void OnProbed(EndpointSnapshot snapshot)
    {
        // Cloud endpoints are not probed (Reachable is null): their health comes from requests only.
        if (snapshot.Reachable is { } reachable)
        {
            Health.ReportProbe(snapshot.Endpoint, reachable, snapshot.Error ?? "probe answered");
        }
    }
}

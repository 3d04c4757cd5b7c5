using Router.Backends.Endpoints;
using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.Placement;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Runtime.Budget;
using Router.Runtime.Dispatch;
using Router.Runtime.Health;
using Router.Runtime.Inventory;
using Router.Runtime.Placement;
using Router.Runtime.Usage;
using Router.Runtime.Usage.Postgres;

namespace Router.Runtime;

/// <summary>What a host process (the language server, <c>router ask</c>) runs requests with: hosts' health, what they hold,
/// today's spend and the dispatcher joining them, kept together so every request sees the same state.</summary>
public sealed class RouterRuntime : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly IModelProviderSource _providers;
    private HostProber? _prober;

    /// <param name="inventory">Probes hosts for models, warm state and capabilities; null dispatches without host facts (tests, fakes).</param>
    /// <param name="status">Host facts to dispatch with instead of <paramref name="inventory"/>'s (a seam for tests).</param>
    /// <param name="ledger">The usage ledger: every dispatch is booked there and cloud budgets are held there across processes;
    /// null books nothing (a fresh budget each run). The runtime disposes it.</param>
    /// <param name="budget">The cloud budget; null takes the ledger's own (<see cref="UsageLedger.Budget"/>,
    /// <see cref="PostgresUsageLedger.Budget"/>).</param>
    public RouterRuntime(
        IModelProviderSource providers,
        HostInventory? inventory = null,
        IUsageLedger? ledger = null,
        EndpointHealthOptions? health = null,
        DispatchOptions? dispatch = null,
        TimeProvider? time = null,
        IModelStatusSource? status = null,
        ICloudBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(providers);
        _providers = providers;
        Inventory = inventory;
        Ledger = ledger;
        Budget = budget ?? ledger switch
        {
            UsageLedger sqlite => sqlite.Budget,
            PostgresUsageLedger team => team.Budget,
            _ => null,
        };
        Health = new EndpointHealthTracker(health, time);
        dispatch ??= new DispatchOptions();
        Placement = dispatch.Placement ?? new PlacementState(dispatch.Logger);
        Dispatcher = new RequestDispatcher(
            providers,
            Health,
            status ?? inventory,
            dispatch with { SpentTodayUsd = SpentTodayUsd, Budget = Budget, Usage = ledger, Placement = Placement },
            time);
    }

    public EndpointHealthTracker Health { get; }

    public HostInventory? Inventory { get; }

    public IUsageLedger? Ledger { get; }

    /// <summary>The cloud budget requests reserve in; null when there is no ledger.</summary>
    public ICloudBudget? Budget { get; }

    public RequestDispatcher Dispatcher { get; }

    /// <summary>Cloud spend today across every process sharing the ledger, reservations of requests in flight included,
    /// as last seen (no I/O on the caller's path).</summary>
    public double SpentTodayUsd() => Budget is null ? 0 : (double)Budget.Standing.CommittedToday;

    /// <summary>The placement plan requests follow, and the load times and memory measured on each host.</summary>
    public PlacementState Placement { get; }

    /// <summary>Where the hosts' last model lists put <paramref name="model"/>, endpoints with a closed circuit first, without
    /// any I/O: the data the policy routes a pass-through model name with. Null without an inventory.</summary>
    public ModelHosts? HostsOf(string model, RouterConfig config)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(config);
        if (Inventory is null)
        {
            return null;
        }

        List<string> listing = [];
        List<string> unknown = [];
        foreach (EndpointConfig endpoint in config.Endpoints.Values.OrderBy(e => Health.Peek(e.Name).Allowed ? 0 : 1))
        {
            IReadOnlyList<string>? models = Inventory.KnownModels(endpoint);
            if (models is null)
            {
                unknown.Add(endpoint.Name);
            }
            else if (models.Any(name => OllamaModelName.SameModel(name, model)))
            {
                listing.Add(endpoint.Name);
            }
        }

        return new ModelHosts(model, listing, unknown);
    }

    /// <summary>Notes the answering model as loaded on the host that answered. (The dispatcher has booked the request and its cost.)</summary>
    public ValueTask RecordAsync(DispatchResult result, RouterConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(config);
        if (Inventory is not null && config.Endpoints.TryGetValue(result.Endpoint, out EndpointConfig? endpoint))
        {
            Inventory.NoteAnswered(endpoint, result.Model, KeepAliveSpan(Placement.Plan.KeepAliveFor(result.Endpoint, result.Model)));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Loads <paramref name="tier"/>'s model on its first local Ollama host that is not known to be down, without
    /// generating anything (an empty prompt, as Ollama takes a load request), with the plan's keep_alive and context so the
    /// requests after it find it as they need it. True when a host loaded it; false when the tier has no such host or the
    /// load failed (a warm-up is never worth an error: the first real request tries again).</summary>
    public async Task<bool> WarmUpAsync(RouterConfig config, Tier tier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!config.Tiers.TryGetValue(tier, out TierConfig? tierConfig))
        {
            return false;
        }

        foreach (string name in tierConfig.Endpoints)
        {
            if (!config.Endpoints.TryGetValue(name, out EndpointConfig? endpoint)
                || endpoint.Provider != ProviderKind.Ollama
                || endpoint.Cloud
                || !Health.Peek(name).Allowed)
            {
                continue;
            }

            PlacementPlan plan = Placement.Plan;
            string? keepAlive = plan.KeepAliveFor(name, tierConfig.Model);
            ModelRequest load = new(tierConfig.Model)
            {
                Prompt = "",
                KeepAlive = keepAlive,
                Options = new GenerationOptions { ContextTokens = plan.ContextFor(name, tierConfig.Model) },
            };
            try
            {
                long? size = Inventory is null ? null : (await Inventory.GetAsync(endpoint, tierConfig.Model, cancellationToken)).SizeBytes;
                await foreach (ModelChunk chunk in _providers.ProviderFor(endpoint).StreamAsync(load, cancellationToken))
                {
                    if (chunk is { Done: true, Usage: { } usage })
                    {
                        Placement.Loads.NoteLoad(name, tierConfig.Model, size, usage.LoadDuration);
                    }
                }

                Inventory?.NoteAnswered(endpoint, tierConfig.Model, KeepAliveSpan(keepAlive));
                return true;
            }
            catch (Exception e) when (e is ProviderException or EndpointUnavailableException or HttpRequestException)
            {
                return false;
            }
        }

        return false;
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

    /// <summary>A keep_alive as the inventory counts it: null for the host's default, negative for forever.</summary>
    private static TimeSpan? KeepAliveSpan(string? keepAlive) => keepAlive switch
    {
        null => null,
        PlacementPlan.KeptKeepAlive => TimeSpan.FromSeconds(-1),
        PlacementPlan.TransientKeepAlive => TimeSpan.FromMinutes(2),
        _ => null,
    };

    private void OnProbed(EndpointSnapshot snapshot)
    {
        // Cloud endpoints are not probed (Reachable is null): their health comes from requests only.
        if (snapshot.Reachable is { } reachable)
        {
            Health.ReportProbe(snapshot.Endpoint, reachable, snapshot.Error ?? "probe answered");
        }
    }
}

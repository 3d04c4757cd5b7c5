using Router.Backends.Endpoints;
using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Emulator;
using Router.Runtime.Dispatch;
using Router.Runtime.Health;

namespace Router.Runtime.Tests.Dispatch;

/// <summary>Several emulated hosts on loopback, a configuration whose endpoints point at them, and a dispatcher over real HTTP.
/// A host named "cloud…" speaks the OpenAI shape and is a cloud endpoint; the others are local Ollama hosts.</summary>
internal sealed class EmulatedCluster : IAsyncDisposable
{
    public const string QuickModel = "qwen2.5:3b";
    public const string CodeModel = "qwen2.5-coder:14b";
    public const string HeavyModel = "qwen2.5-coder:32b";
    public const string FrontierModel = "qwen2.5-coder:32b";

    private readonly Dictionary<string, EmulatorServer> _hosts;

    private EmulatedCluster(Dictionary<string, EmulatorServer> hosts)
    {
        _hosts = hosts;
        Http = ProviderHttpClient.Create(TimeSpan.FromSeconds(2));
        Pool = new ModelProviderPool(Http, _ => null);
    }

    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Deadlines no healthy emulated host misses however loaded the machine is; tests of the deadlines set their own.</summary>
    public static DeadlinesConfig Generous { get; } = new(Patience, Patience, Patience, Patience * 2);

    public HttpClient Http { get; }
    public ModelProviderPool Pool { get; }
    public FakeModelStatusSource Status { get; } = new();
    public ManualClock Clock { get; } = new();
    public EndpointHealthTracker Health { get; private set; } = null!;

    public EmulatorServer this[string name] => _hosts[name];

    public static Task<EmulatedCluster> StartAsync(params string[] names) => StartAsync(0, names);

    /// <param name="timeScale">The emulated models' speed (0: instant; 1: real time, cold loads take seconds).</param>
    public static async Task<EmulatedCluster> StartAsync(double timeScale, params string[] names)
    {
        Dictionary<string, EmulatorServer> hosts = new(StringComparer.Ordinal);
        foreach (string name in names)
        {
            hosts[name] = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = timeScale }, CancellationToken.None);
        }

        EmulatedCluster cluster = new(hosts);
        cluster.Health = new EndpointHealthTracker(new EndpointHealthOptions { BaseCooldown = TimeSpan.FromSeconds(10) }, cluster.Clock);
        return cluster;
    }

    public static CancellationToken Deadline() => new CancellationTokenSource(Patience).Token;

    /// <summary>A configuration with each tier on the named hosts (in order); frontier is priced, the others free.</summary>
    public RouterConfig Config(
        Dictionary<Tier, string[]> tiers,
        Dictionary<Tier, IReadOnlyList<Tier>>? fallbacks = null,
        double dailyUsd = 5,
        PrivacyMode privacy = PrivacyMode.Auto)
    {
        Dictionary<string, EndpointConfig> endpoints = new(StringComparer.Ordinal);
        foreach ((string name, EmulatorServer host) in _hosts)
        {
            bool cloud = name.StartsWith("cloud", StringComparison.Ordinal);
            endpoints[name] = cloud
                ? new EndpointConfig(name, ProviderKind.OpenAi, new Uri(host.BaseAddress, "v1"), null, Cloud: true)
                : new EndpointConfig(name, ProviderKind.Ollama, host.BaseAddress, null, Cloud: false);
        }

        Dictionary<Tier, TierConfig> tierConfigs = [];
        foreach ((Tier tier, string[] hosts) in tiers)
        {
            (string model, int context, double input, double output) = tier switch
            {
                Tier.Quick => (QuickModel, 8192, 0.0, 0.0),
                Tier.Code => (CodeModel, 16384, 0.0, 0.0),
                Tier.Heavy => (HeavyModel, 32768, 0.0, 0.0),
                Tier.Frontier => (FrontierModel, 200_000, 3.0, 15.0),
                _ => (QuickModel, 8192, 0.0, 0.0),
            };
            tierConfigs[tier] = new TierConfig(tier, model, hosts, context, input, output);
        }

        return new RouterConfig(
            "(test cluster)",
            endpoints,
            tierConfigs,
            new RouteTable(Completion: Tier.Code, Explain: Tier.Quick, Refactor: Tier.Heavy, RefactorWide: Tier.Frontier, Chat: Tier.Quick),
            fallbacks ?? new Dictionary<Tier, IReadOnlyList<Tier>>(),
            [Tier.Quick, Tier.Code, Tier.Heavy, Tier.Frontier],
            new ContinuityConfig(Window: 3, MinCodeTurns: 2, MaxAgeMinutes: 10),
            new PrivacyConfig(privacy, ["**/.env"]),
            new BudgetConfig(dailyUsd, OutputReserveTokens: 1024));
    }

    /// <param name="health">Another tracker (e.g. on the real clock); null uses <see cref="Health"/> on the test's manual clock.</param>
    public RequestDispatcher Dispatcher(DispatchOptions? options = null, EndpointHealthTracker? health = null) =>
        new(Pool, health ?? Health, Status, options ?? new DispatchOptions { Deadlines = Generous, ChunkIdleTimeout = TimeSpan.FromSeconds(5) }, Clock);

    public static DispatchRequest Request(RouterConfig config, RouteRequest request) =>
        new(request, new RoutePolicy(config).Decide(request), config);

    /// <summary>Requests each host received for <paramref name="model"/> (any path that generates).</summary>
    public IReadOnlyList<EmulatorRequestRecord> Generations(string host, string? model = null) =>
        _hosts[host].Requests.Where(r => r.Model is not null && (model is null || r.Model == model)).ToList();

    public async ValueTask DisposeAsync()
    {
        Pool.Dispose();
        foreach (EmulatorServer host in _hosts.Values)
        {
            await host.DisposeAsync();
        }
    }
}

using Router.Backends.Endpoints;
using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.Placement;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Emulator;
using Router.Runtime.Dispatch;
using Router.Runtime.Inventory;
using Router.Runtime.Placement;

namespace Router.Runtime.Tests.Placement;

/// <summary>The placement applied against an emulated Ollama host with a 15 GB GPU, cold loads and Ollama's eviction.</summary>
public sealed class PlacementRuntimeTests : IAsyncLifetime, IDisposable
{
    private const string Coder = "qwen2.5-coder:14b";
    private const string Quick = "qwen2.5:3b";
    private const string Vision = "granite3.2-vision:2b";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private EmulatorServer _host = null!;
    private HttpClient _http = null!;
    private ModelProviderPool _pool = null!;
    private RouterRuntime _runtime = null!;
    private RouterConfig _config = null!;

    public async Task InitializeAsync()
    {
        // Time scale 0.05: the coder's 6 s cold load takes 0.3 s.
        _host = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0.05, VramBudgetBytes = 15_000_000_000, MaxLoadedModels = 3 }, CancellationToken.None);
        _http = ProviderHttpClient.Create(TimeSpan.FromSeconds(2));
        _pool = new ModelProviderPool(_http, _ => null);
        DeadlinesConfig generous = new(Patience, Patience, Patience, Patience * 2);
        _runtime = new RouterRuntime(_pool, new HostInventory(), dispatch: new DispatchOptions { Deadlines = generous });
        EndpointConfig gpuBox = new("gpu-box", ProviderKind.Ollama, _host.BaseAddress, null, Cloud: false) { VramGb = 15 };
        _config = new RouterConfig(
            "(placement test)",
            new Dictionary<string, EndpointConfig>(StringComparer.Ordinal) { ["gpu-box"] = gpuBox },
            new Dictionary<Tier, TierConfig>
            {
                [Tier.Code] = new(Tier.Code, Coder, ["gpu-box"], 16384, 0, 0),
                [Tier.Quick] = new(Tier.Quick, Quick, ["gpu-box"], 8192, 0, 0),
                [Tier.Heavy] = new(Tier.Heavy, Vision, ["gpu-box"], 8192, 0, 0),
            },
            new RouteTable(Completion: Tier.Code, Explain: Tier.Quick, Refactor: Tier.Heavy, RefactorWide: Tier.Heavy, Chat: Tier.Quick),
            new Dictionary<Tier, IReadOnlyList<Tier>>(),
            [Tier.Quick, Tier.Code, Tier.Heavy],
            new ContinuityConfig(Window: 3, MinCodeTurns: 2, MaxAgeMinutes: 10),
            new PrivacyConfig(PrivacyMode.Auto, ["**/.env"]),
            new BudgetConfig(5, OutputReserveTokens: 256));
    }

    public async Task DisposeAsync()
    {
        await _runtime.DisposeAsync();
        await _host.DisposeAsync();
    }

    public void Dispose()
    {
        _pool.Dispose();
        _http.Dispose();
    }

    private static Dictionary<(Tier Tier, string Model), double> CodeOnly => new()
    {
        [(Tier.Code, Coder)] = 100,
        [(Tier.Quick, Quick)] = 0,
        [(Tier.Heavy, Vision)] = 0,
    };

    [Fact]
    public async Task The_warm_up_loads_the_code_model_with_the_plans_keep_alive_and_context_and_generates_nothing()
    {
        using CancellationTokenSource deadline = new(Patience);
        await _runtime.Placement.RefreshAsync(_config, _http, CodeOnly, TimeSpan.FromSeconds(5), deadline.Token);

        Assert.True(await _runtime.WarmUpAsync(_config, Tier.Code, deadline.Token));

        EmulatorRequestRecord load = Assert.Single(_host.Requests, r => r.Endpoint == "/api/generate");
        Assert.Equal(Coder, load.Model);
        Assert.True(string.IsNullOrEmpty(load.Prompt) && string.IsNullOrEmpty(load.Suffix));
        Assert.Equal("-1", load.KeepAlive);
        Assert.Equal(16384, load.NumCtx);
        Assert.Contains(Coder, _host.LoadedModels);
    }

    [Fact]
    public async Task Every_request_carries_its_models_keep_alive_and_context_and_transient_loads_never_evict_the_kept_coder()
    {
        using CancellationTokenSource deadline = new(Patience);
        await _runtime.Placement.RefreshAsync(_config, _http, CodeOnly, TimeSpan.FromSeconds(5), deadline.Token);
        Assert.True(_runtime.Placement.Plan.Hosts.Single().Keeps(Coder));

        await AskAsync(Completion("a"), deadline.Token);
        await AskAsync(new RouteRequest("e", RequestKind.Explain) { Language = "python", Text = "total = sum(x * x for x in xs)" }, deadline.Token);

        // 10.6 + 2.6 GB are loaded: the 3.4 GB model needs an eviction, and the one with the shorter keep_alive goes.
        await AskAsync(new RouteRequest("r", RequestKind.Refactor) { Language = "python", Text = "def f(x):\n    return x*2\n" }, deadline.Token);
        Assert.Contains(Coder, _host.LoadedModels);
        Assert.DoesNotContain(Quick, _host.LoadedModels);

        DispatchResult again = await AskAsync(Completion("b"), deadline.Token);
        Assert.True(again.Usage!.LoadDuration < LoadTimePredictor.ShortestRealLoad, $"the coder was loaded again ({again.Usage.LoadDuration.TotalMilliseconds} ms)");

        List<EmulatorRequestRecord> generations = [.. _host.Requests.Where(r => r.Model is not null && r.Endpoint is "/api/generate" or "/api/chat")];
        Assert.All(generations.Where(r => r.Model == Coder), r => Assert.Equal(("-1", (int?)16384), (r.KeepAlive, r.NumCtx)));
        Assert.All(generations.Where(r => r.Model != Coder), r => Assert.Equal(("2m", (int?)8192), (r.KeepAlive, r.NumCtx)));
        Assert.Equal(4, generations.Count);
    }

    [Fact]
    public async Task A_cold_load_is_announced_with_its_predicted_time_before_the_wait_and_the_error_is_recorded()
    {
        using CancellationTokenSource deadline = new(Patience);
        List<DispatchEvent> events = [];

        await AskAsync(Completion("c"), deadline.Token, events);

        int loading = events.FindIndex(e => e.Kind == DispatchEventKind.Progress && e.Text.StartsWith($"cold start: {Coder} on gpu-box takes about ", StringComparison.Ordinal));
        int firstText = events.FindIndex(e => e.Kind == DispatchEventKind.Text);
        Assert.True(loading >= 0, string.Join(" | ", events.Select(e => e.Text)));
        Assert.True(firstText < 0 || loading < firstText);

        // 8.99 GB at the default 2 GB/s: about 4 s said; the host reports its profile's 6 s load (in 0.3 s of real time).
        Assert.EndsWith("about 4 s to load", events[loading].Text, StringComparison.Ordinal);
        ColdStartObservation observed = Assert.Single(_runtime.Placement.Loads.Observations);
        Assert.Equal(Coder, observed.Model);
        Assert.Equal(6, observed.Actual.TotalSeconds, 1);
        Assert.Equal(observed.Predicted - observed.Actual, observed.Error);

        // The host's measured throughput now predicts the next load of that size from what happened.
        Assert.InRange(_runtime.Placement.Loads.Predict("gpu-box", 8_988_000_000).TotalSeconds, observed.Actual.TotalSeconds * 0.99, observed.Actual.TotalSeconds * 1.01);
    }

    private static RouteRequest Completion(string id) => new(id, RequestKind.Completion)
    {
        Language = "python",
        File = "/src/app.py",
        Prefix = "def add(a, b):\n    ",
        Suffix = "\n",
    };

    private async Task<DispatchResult> AskAsync(RouteRequest request, CancellationToken cancellationToken, List<DispatchEvent>? events = null)
    {
        DispatchRequest dispatch = new(request, new RoutePolicy(_config).Decide(request), _config);
        DispatchResult result = await _runtime.Dispatcher.DispatchAsync(
            dispatch,
            (e, _) =>
            {
                events?.Add(e);
                return ValueTask.CompletedTask;
            },
            cancellationToken);
        await _runtime.RecordAsync(result, _config, cancellationToken);
        return result;
    }
}

using System.Net;
using System.Net.Sockets;
using Router.Backends.Endpoints;
using Router.Core.Configuration;
using Router.Emulator;
using Router.Runtime.Chat;
using Router.Runtime.Inventory;
using Router.Runtime.Usage;

namespace Router.Runtime.Tests.Chat;

/// <summary>A router embedded as a library: emulated hosts on loopback ("laptop" and "gpu" speak Ollama, "cloud" speaks the
/// Anthropic API and is a cloud endpoint), a router.yaml read by the real loader, a runtime with host inventory and a spend
/// ledger in a temporary directory, and the <see cref="RoutingChatClient"/> over them.</summary>
internal sealed class RoutedHosts : IAsyncDisposable
{
    /// <summary>A model the laptop and gpu hosts have and no tier of the configuration names.</summary>
    public const string UntieredModel = "phi4-mini:3.8b";

    private readonly string _dir;
    private readonly ModelProviderPool _providers;
    private readonly RouterRuntime _runtime;

    private RoutedHosts(string dir, EmulatorServer laptop, EmulatorServer gpu, EmulatorServer cloud, ModelProviderPool providers, RouterRuntime runtime, RouterConfig config)
    {
        _dir = dir;
        Laptop = laptop;
        Gpu = gpu;
        Cloud = cloud;
        _providers = providers;
        _runtime = runtime;
        Config = config;
        Client = new RoutingChatClient(runtime, config);
    }

    public EmulatorServer Laptop { get; }
    public EmulatorServer Gpu { get; }
    public EmulatorServer Cloud { get; }
    public RouterConfig Config { get; }
    public RoutingChatClient Client { get; }
    public double SpentToday => _runtime.SpentTodayUsd();
    public RouterRuntime Runtime => _runtime;

    /// <param name="chatRoute">The tier a chat without content signals goes to.</param>
    /// <param name="quickHosts">The quick tier's endpoints, in order ("down" is a port nothing listens on).</param>
    public static async Task<RoutedHosts> StartAsync(string chatRoute = "quick", string quickHosts = "laptop")
    {
        string dir = Directory.CreateTempSubdirectory("router-chat-").FullName;
        // Both local hosts also have a model no tier names, for the pass-through tests.
        ModelProfile[] localModels = [.. BuiltInModelProfiles.All, new ModelProfile { Name = UntieredModel }];
        EmulatorServer laptop = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0, Models = localModels }, CancellationToken.None);
        EmulatorServer gpu = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0, Models = localModels }, CancellationToken.None);
        EmulatorServer cloud = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0 }, CancellationToken.None);
        string yaml = $$"""
            endpoints:
              laptop:
                provider: ollama
                url: {{laptop.BaseAddress}}
              gpu:
                provider: ollama
                url: {{gpu.BaseAddress}}
              down:
                provider: ollama
                url: http://127.0.0.1:{{ClosedPort()}}
              cloud:
                provider: anthropic
                url: {{cloud.BaseAddress}}
                cloud: true
            tiers:
              quick: { model: "qwen2.5:3b", endpoints: [{{quickHosts}}], contextTokens: 8192 }
              code: { model: "qwen2.5-coder:14b", endpoints: [gpu], contextTokens: 16384 }
              reasoning: { model: "deepseek-r1:8b", endpoints: [gpu], contextTokens: 16384 }
              heavy: { model: "qwen2.5-coder:32b", endpoints: [gpu], contextTokens: 32768 }
              vision: { model: "granite3.2-vision:2b", endpoints: [cloud, laptop], contextTokens: 16384 }
              frontier: { model: "qwen2.5-coder:32b", endpoints: [cloud], contextTokens: 200000, usdPerMillionInput: 3.0, usdPerMillionOutput: 15.0 }
            routes:
              chat: {{chatRoute}}
            fallbacks:
              frontier: [heavy]
            budget:
              dailyUsd: 5
            """;
        ConfigLoadResult loaded = RouterConfigLoader.Load(yaml, Path.Combine(dir, "router.yaml"), _ => null);
        RouterConfig config = loaded.Config ?? throw new InvalidOperationException(string.Join("; ", loaded.Errors));
        UsageLedger ledger = await UsageLedger.OpenAsync(Path.Combine(dir, "usage.db"));
        ModelProviderPool providers = new(readVariable: _ => null);
        RouterRuntime runtime = new(providers, new HostInventory(readVariable: _ => null), ledger);
        return new RoutedHosts(dir, laptop, gpu, cloud, providers, runtime, config);
    }

    public static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    public async ValueTask DisposeAsync()
    {
        await _runtime.DisposeAsync();
        _providers.Dispose();
        await Laptop.DisposeAsync();
        await Gpu.DisposeAsync();
        await Cloud.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private static int ClosedPort()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

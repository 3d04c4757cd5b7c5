using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Router.Backends.Endpoints;
using Router.Core.Configuration;
using Router.Emulator;
using Router.Gateway.Hosting;
using Router.Gateway.Keys;
using Router.Runtime;
using Router.Runtime.Inventory;
using Router.Runtime.Usage;

namespace Router.Gateway.Tests;

/// <summary>A gateway on 127.0.0.1 (a free port) over emulated hosts: "laptop" and "gpu" speak Ollama, "cloud" speaks the
/// Anthropic API and is a cloud endpoint (the frontier tier, model claude-sonnet-4-5). Besides the built-in models, only gpu
/// has <see cref="GpuOnlyModel"/> and only cloud <see cref="CloudOnlyModel"/>, which no tier names. A router.yaml read by the
/// real loader, a runtime with host inventory and a usage ledger in a temporary folder.</summary>
internal sealed class GatewayHosts : IAsyncDisposable
{
    public const string FrontierModel = "claude-sonnet-4-5";

    /// <summary>A model only the gpu host has (it can fill in the middle); no tier names it.</summary>
    public const string GpuOnlyModel = "codestral:22b";

    /// <summary>A model only the cloud host serves; no tier names it.</summary>
    public const string CloudOnlyModel = "claude-opus-4-1";

    private readonly string _dir;
    private readonly ModelProviderPool _providers;
    private readonly RouterRuntime _runtime;

    private GatewayHosts(string dir, EmulatorServer laptop, EmulatorServer gpu, EmulatorServer cloud, ModelProviderPool providers, RouterRuntime runtime, RouterConfig config, GatewayServer server)
    {
        _dir = dir;
        Laptop = laptop;
        Gpu = gpu;
        Cloud = cloud;
        _providers = providers;
        _runtime = runtime;
        Config = config;
        Server = server;
        Http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public EmulatorServer Laptop { get; }
    public EmulatorServer Gpu { get; }
    public EmulatorServer Cloud { get; }
    public RouterConfig Config { get; }
    public GatewayServer Server { get; }
    public HttpClient Http { get; }
    public RouterRuntime Runtime => _runtime;

    /// <param name="quickHosts">The quick tier's endpoints, in order ("down" is a port nothing listens on).</param>
    /// <param name="keys">The gateway's keys; null serves without keys.</param>
    /// <param name="parallel">Requests each emulated host answers at once.</param>
    /// <param name="visionHosts">The vision tier's endpoints, in order; null leaves the tier out.</param>
    public static async Task<GatewayHosts> StartAsync(
        string quickHosts = "laptop", GatewayKeyRing? keys = null, int parallel = 4, Func<GatewayOptions, GatewayOptions>? options = null, double timeScale = 0,
        string? visionHosts = null)
    {
        string dir = Directory.CreateTempSubdirectory("router-gateway-").FullName;
        EmulatorServer laptop = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = timeScale, NumParallel = parallel }, CancellationToken.None);
        EmulatorServer gpu = await EmulatorServer.StartAsync(
            new EmulatorOptions { TimeScale = timeScale, NumParallel = parallel, Models = [.. BuiltInModelProfiles.All, new ModelProfile { Name = GpuOnlyModel, Capabilities = ["completion", "insert"] }] },
            CancellationToken.None);
        EmulatorServer cloud = await EmulatorServer.StartAsync(
            new EmulatorOptions { TimeScale = timeScale, NumParallel = parallel, Models = [.. BuiltInModelProfiles.All, new ModelProfile { Name = FrontierModel }, new ModelProfile { Name = CloudOnlyModel }] },
            CancellationToken.None);
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
              frontier: { model: "{{FrontierModel}}", endpoints: [cloud], contextTokens: 200000, usdPerMillionInput: 3.0, usdPerMillionOutput: 15.0 }
            routes:
              chat: quick
            fallbacks:
              frontier: [heavy]
            budget:
              dailyUsd: 5
            """;
        if (visionHosts is not null)
        {
            // The cloud host knows the vision model too, so a test can tell which host a picture reached.
            yaml = yaml.Replace("tiers:\n", $"tiers:\n  vision: {{ model: \"granite3.2-vision:2b\", endpoints: [{visionHosts}], contextTokens: 16384 }}\n", StringComparison.Ordinal);
        }

        ConfigLoadResult loaded = RouterConfigLoader.Load(yaml, Path.Combine(dir, "router.yaml"), _ => null);
        RouterConfig config = loaded.Config ?? throw new InvalidOperationException(string.Join("; ", loaded.Errors));
        UsageLedger ledger = await UsageLedger.OpenAsync(Path.Combine(dir, "usage.db"));
        ModelProviderPool providers = new(readVariable: _ => null);
        RouterRuntime runtime = new(providers, new HostInventory(readVariable: _ => null), ledger);
        GatewayOptions settings = new() { Listen = new ListenAddress(IPAddress.Loopback, 0), Keys = keys };
        GatewayServer server = await GatewayServer.StartAsync(options?.Invoke(settings) ?? settings, runtime, () => config, NullLoggerFactory.Instance, "0.1.0-test", CancellationToken.None);
        return new GatewayHosts(dir, laptop, gpu, cloud, providers, runtime, config, server);
    }

    public static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    /// <summary>A POST of <paramref name="json"/> with the JSON content type (and a bearer key when given).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string json, string? key = null, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        HttpRequestMessage request = new(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return Http.SendAsync(request, completion, Deadline());
    }

    /// <summary>Generation requests a host received (model lists and probes left out).</summary>
    public static IReadOnlyList<EmulatorRequestRecord> Generations(EmulatorServer host) =>
        [.. host.Requests.Where(r => r.Endpoint is "/api/chat" or "/api/generate" or "/v1/messages" or "/v1/chat/completions" or "/v1/completions")];

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
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

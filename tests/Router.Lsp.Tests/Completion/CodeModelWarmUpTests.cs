using Router.Backends.Endpoints;
using Router.Backends.FillInTheMiddle;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Router.Core.Configuration;
using Router.Core.Placement;
using Router.Lsp.Completion;
using Router.Emulator;
using Router.Runtime.Benchmarks;
using Router.Runtime.Configuration;
using Router.Runtime.Usage;

namespace Router.Lsp.Tests.Completion;

/// <summary>The code model's warm-up: a real load on the host when the editor opens its first document.</summary>
public sealed class CodeModelWarmUpTests
{
    private const string Coder = "qwen2.5-coder:14b";

    [Fact]
    public async Task Opening_the_first_document_loads_the_code_model_with_its_planned_keep_alive_once()
    {
        await using EmulatorServer gpuBox = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0.02 }, CancellationToken.None);
        using ModelProviderPool providers = new(modes: new FillInTheMiddleModeBook());
        await using LspHarness lsp = await LspHarness.StartAsync(
            options: new LspServerOptions { WarmUpCodeModel = true }, config: Config(gpuBox, vramGb: "24"), providers: providers);

        await lsp.OpenAsync("def add(a, b):\n    return a + b\n");
        EmulatorRequestRecord load = await gpuBox.WaitForRequestAsync(r => r.Endpoint == "/api/generate" && r.Model == Coder, lsp.Timeout);
        await lsp.OpenAsync("x = 1\n", "file:///work/other.py");

        Assert.True(string.IsNullOrEmpty(load.Prompt) && string.IsNullOrEmpty(load.Suffix), "a warm-up asks for no text");
        Assert.Equal("-1", load.KeepAlive);
        Assert.Equal(16384, load.NumCtx);
        await WaitAsync(() => gpuBox.LoadedModels.Contains(Coder), lsp.Timeout);
        Assert.Single(gpuBox.Requests, r => r.Endpoint == "/api/generate");
    }

    [Fact]
    public async Task Without_a_gpu_budget_the_warm_up_still_loads_the_model_with_the_hosts_own_keep_alive()
    {
        await using EmulatorServer gpuBox = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0.02 }, CancellationToken.None);
        using ModelProviderPool providers = new(modes: new FillInTheMiddleModeBook());
        await using LspHarness lsp = await LspHarness.StartAsync(
            options: new LspServerOptions { WarmUpCodeModel = true }, config: Config(gpuBox, vramGb: null), providers: providers);

        await lsp.OpenAsync("def add(a, b):\n    return a + b\n");
        EmulatorRequestRecord load = await gpuBox.WaitForRequestAsync(r => r.Endpoint == "/api/generate" && r.Model == Coder, lsp.Timeout);

        Assert.Null(load.KeepAlive);
        Assert.Null(load.NumCtx);
    }

    [Fact]
    public async Task The_placement_is_planned_again_every_half_hour_of_a_long_session()
    {
        await using EmulatorServer gpuBox = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0.02 }, CancellationToken.None);
        using ModelProviderPool providers = new(modes: new FillInTheMiddleModeBook());
        FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
        await using LspHarness lsp = await LspHarness.StartAsync(
            options: new LspServerOptions { WarmUpCodeModel = true, Time = clock }, config: Config(gpuBox, vramGb: "24"), providers: providers);

        await lsp.OpenAsync("def add(a, b):\n    return a + b\n");
        await WaitAsync(() => lsp.Runtime.Placement.Plan.Hosts.Count == 1, lsp.Timeout);
        PlacementPlan morning = lsp.Runtime.Placement.Plan;

        clock.Advance(CodeModelWarmUp.ReplanEvery - TimeSpan.FromMinutes(1));
        await Task.Delay(200, lsp.Timeout);
        Assert.Same(morning, lsp.Runtime.Placement.Plan);

        clock.Advance(TimeSpan.FromMinutes(1));
        await WaitAsync(() => !ReferenceEquals(morning, lsp.Runtime.Placement.Plan), lsp.Timeout);
        Assert.Equal(["gpu-box"], lsp.Runtime.Placement.Plan.Hosts.Select(h => h.Host));
    }

    [Fact]
    public async Task Cold_loads_router_bench_measured_give_the_hosts_load_throughput_before_the_first_notice()
    {
        DirectoryInfo folder = Directory.CreateTempSubdirectory("router-warmup-");
        try
        {
            string database = Path.Combine(folder.FullName, UsageLedger.FileName);
            await using UsageLedger ledger = await UsageLedger.OpenAsync(database);
            BenchResultStore bench = await BenchResultStore.OpenAsync(database, CancellationToken.None);
            await bench.SaveAsync(
                [new BenchMeasurement("run1", DateTimeOffset.UtcNow.AddDays(-1), "gpu-box", "gpu-box", Coder, null, 8_000_000_000, "code", "completion", BenchMetrics.ColdLoadMs, 8000, 8000, 8000, 1)],
                CancellationToken.None);
            await using EmulatorServer gpuBox = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0.02 }, CancellationToken.None);
            using ModelProviderPool providers = new(modes: new FillInTheMiddleModeBook());
            await using LspHarness lsp = await LspHarness.StartAsync(
                options: new LspServerOptions { WarmUpCodeModel = true, UsageLedger = ledger }, config: Config(gpuBox, vramGb: null), providers: providers);

            await lsp.OpenAsync("def add(a, b):\n    return a + b\n");

            await WaitAsync(() => lsp.Runtime.Placement.Loads.BytesPerSecond("gpu-box") is not null, lsp.Timeout);
            Assert.Equal(TimeSpan.FromSeconds(16), lsp.Runtime.Placement.Loads.Predict("gpu-box", 16_000_000_000));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task WaitAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    private static RouterConfigSource Config(EmulatorServer host, string? vramGb)
    {
        string vram = vramGb is null ? "" : $"\n    vramGb: {vramGb}";
        string yaml = $$"""
            endpoints:
              gpu-box:
                provider: ollama
                url: {{host.BaseAddress}}{{vram}}
            tiers:
              quick: { model: "qwen2.5:3b", endpoints: [gpu-box], contextTokens: 8192 }
              code: { model: "{{Coder}}", endpoints: [gpu-box], contextTokens: 16384 }
            """;
        ConfigLoadResult loaded = RouterConfigLoader.Load(yaml, "router.yaml", _ => null);
        return RouterConfigSource.Fixed(loaded.Config ?? throw new InvalidOperationException(string.Join("; ", loaded.Errors)));
    }
}

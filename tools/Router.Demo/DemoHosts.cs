using System.Globalization;
using Router.Emulator;

namespace Router.Demo;

/// <summary>Two emulated Ollama hosts on free loopback ports, as a user with a laptop and a GPU box has, and the
/// router.yaml that points the tiers at them.</summary>
internal sealed class DemoHosts : IAsyncDisposable
{
    private DemoHosts(EmulatorServer laptop, EmulatorServer gpuBox, string workspace)
    {
        Laptop = laptop;
        GpuBox = gpuBox;
        Workspace = workspace;
    }

    public EmulatorServer Laptop { get; }

    public EmulatorServer GpuBox { get; }

    /// <summary>A temporary folder holding router.yaml and the files the session edits.</summary>
    public string Workspace { get; }

    public string ConfigPath => Path.Combine(Workspace, "router.yaml");

    public static async Task<DemoHosts> StartAsync(double timeScale, CancellationToken cancellationToken)
    {
        EmulatorServer laptop = await EmulatorServer.StartAsync(
            new EmulatorOptions { TimeScale = timeScale, VramBudgetBytes = 8_000_000_000, MaxLoadedModels = 1 }, cancellationToken);
        EmulatorServer gpuBox = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = timeScale }, cancellationToken);
        string workspace = Directory.CreateTempSubdirectory("router-demo-").FullName;
        DemoHosts hosts = new(laptop, gpuBox, workspace);
        await File.WriteAllTextAsync(hosts.ConfigPath, hosts.ConfigYaml(), cancellationToken);
        return hosts;
    }

    public async ValueTask DisposeAsync()
    {
        await Laptop.DisposeAsync();
        await GpuBox.DisposeAsync();
        try
        {
            Directory.Delete(Workspace, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private string ConfigYaml() => string.Create(CultureInfo.InvariantCulture, $$"""
        # Written by the demo (tools/Router.Demo): two emulated Ollama hosts on loopback.
        endpoints:
          laptop: { provider: ollama, url: "{{Laptop.BaseAddress}}" }
          gpu-box: { provider: ollama, url: "{{GpuBox.BaseAddress}}" }
        tiers:
          quick: { model: "qwen2.5:3b", endpoints: [laptop, gpu-box], contextTokens: 8192 }
          code: { model: "qwen2.5-coder:14b", endpoints: [gpu-box], contextTokens: 16384 }
          reasoning: { model: "deepseek-r1:8b", endpoints: [gpu-box], contextTokens: 16384 }
          heavy: { model: "qwen2.5-coder:32b", endpoints: [gpu-box], contextTokens: 32768 }
          vision: { model: "granite3.2-vision:2b", endpoints: [gpu-box], contextTokens: 8192 }
        routes: { completion: code, explain: quick, refactor: heavy }
        fallbacks: { code: [quick], heavy: [code, quick] }
        """);
}

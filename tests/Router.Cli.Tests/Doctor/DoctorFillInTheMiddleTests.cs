using Router.Cli.Commands;
using Router.Cli.Doctor;
using Router.Emulator;

namespace Router.Cli.Tests.Doctor;

/// <summary>`router doctor` shows each endpoint's fill-in-the-middle mode and how it was found, against emulated servers.</summary>
public sealed class DoctorFillInTheMiddleTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("router-doctor-fim-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Doctor_shows_the_mode_per_endpoint_and_warns_when_a_completion_model_cannot_fill_in_the_middle()
    {
        await using EmulatorServer box = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0 }, CancellationToken.None);
        await using EmulatorServer vllm = await StartAsync(EmulatorFlavour.Vllm, "meta-llama/Llama-3.1-8B");
        await using EmulatorServer llama = await StartAsync(EmulatorFlavour.LlamaCpp, "qwen2.5-coder-7b");
        string path = Path.Combine(_dir, "router.yaml");
        await File.WriteAllTextAsync(path, $$"""
            endpoints:
              box:
                provider: ollama
                url: {{box.BaseAddress}}
              vllm:
                provider: openai
                url: {{vllm.BaseAddress}}v1
              llama:
                provider: openai
                url: {{llama.BaseAddress}}v1
              pinned:
                provider: openai
                url: {{llama.BaseAddress}}v1
                fim: template
            tiers:
              quick: { model: "qwen2.5:3b", endpoints: [box], contextTokens: 8192 }
              code: { model: "meta-llama/Llama-3.1-8B", endpoints: [vllm], contextTokens: 16384 }
              heavy: { model: "qwen2.5-coder-7b", endpoints: [llama, pinned], contextTokens: 32768 }
            """);

        using StringWriter stdout = new();
        using StringWriter stderr = new();
        int exit = await DoctorCommand.RunAsync(new DoctorInvocation(path, false, TimeSpan.FromSeconds(30)), stdout, stderr, _dir, _ => null, CancellationToken.None);
        string[] lines = stdout.ToString().Split('\n');

        Assert.True(exit == 0, stdout.ToString() + stderr);
        Assert.Contains(lines, l => l.StartsWith("box ", StringComparison.Ordinal) && l.Contains("native (Ollama's suffix", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("vllm ", StringComparison.Ordinal) && l.Contains("template (vLLM: GET /v1/models: owned_by vllm)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("llama ", StringComparison.Ordinal) && l.Contains("infill (llama.cpp: Server: llama.cpp)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("pinned ", StringComparison.Ordinal) && l.Contains("template (set in router.yaml)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("code ", StringComparison.Ordinal) && l.Contains(" none ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("heavy ", StringComparison.Ordinal) && l.Contains(" infill ", StringComparison.Ordinal));
        Assert.Contains(
            lines,
            l => l.StartsWith("warning", StringComparison.Ordinal)
                && l.Contains("meta-llama/Llama-3.1-8B on vllm has no known FIM template and no native fill-in-the-middle", StringComparison.Ordinal));
    }

    private static Task<EmulatorServer> StartAsync(EmulatorFlavour flavour, string model) =>
        EmulatorServer.StartAsync(
            new EmulatorOptions { TimeScale = 0, Flavour = flavour, Models = [new ModelProfile { Name = model, Capabilities = ["completion", "insert"] }] },
            CancellationToken.None);
}

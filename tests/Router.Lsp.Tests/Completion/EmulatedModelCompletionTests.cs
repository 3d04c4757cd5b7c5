using Router.Backends.Endpoints;
using Router.Emulator;
using Router.Runtime.Configuration;

namespace Router.Lsp.Tests.Completion;

/// <summary>Completion against the Ollama-API emulator over real HTTP on 127.0.0.1, through the production provider pool.</summary>
public sealed class EmulatedModelCompletionTests
{
    [Fact]
    public async Task A_newer_completion_cancels_the_older_one_and_closes_its_model_stream()
    {
        await using EmulatorServer emulator = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0 }, CancellationToken.None);
        using ModelProviderPool providers = new();
        string yaml = TestConfig.Yaml().Replace("http://127.0.0.1:11434", emulator.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal);
        using RouterConfigSource config = RouterConfigSource.Fixed(Core.Configuration.RouterConfigLoader.Load(yaml, "test.yaml", _ => null).Config!);
        await using LspHarness lsp = await LspHarness.StartAsync(config: config, providers: providers);
        await lsp.OpenAsync("public int Add(int a, int b)\n{\n    return \n}\n");

        // The first request's model stream stalls after one chunk, as a busy GPU would.
        emulator.SetFaults(new EmulatorFaultSet { StallAfterChunks = 1 });
        Task<string?> older = lsp.InlineAsync(2, 11);
        EmulatorRequestRecord stalled = await emulator.WaitForRequestAsync(
            r => r.Endpoint == "/api/generate" && r.Chunks >= 1 && r.Outcome == EmulatorRequestOutcome.InProgress, lsp.Timeout);
        emulator.ClearFaults();
        string? newer = await lsp.InlineAsync(2, 11);

        await Assert.ThrowsAnyAsync<Exception>(() => older);
        Assert.False(string.IsNullOrWhiteSpace(newer));
        EmulatorRequestRecord closed = await emulator.WaitForRequestAsync(
            r => r.Id == stalled.Id && r.Outcome == EmulatorRequestOutcome.ClientClosed, lsp.Timeout);
        Assert.Equal("qwen2.5-coder:14b", closed.Model);
        Assert.Equal("public int Add(int a, int b)\n{\n    return ", closed.Prompt);
        Assert.Equal("\n}\n", closed.Suffix);
    }
}

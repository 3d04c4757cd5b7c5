using System.Diagnostics;
using Router.Backends.Endpoints;
using Router.Core.Configuration;
using Router.Emulator;
using Router.Lsp.Completion;
using Router.Runtime.Configuration;
using Router.Runtime.Dispatch;
using Router.Runtime.Health;
using Xunit.Abstractions;

namespace Router.Lsp.Tests.Completion;

/// <summary>An inline completion against a code host that accepts the connection and never answers, over real loopback HTTP
/// through the production provider pool and the configuration's own deadline.</summary>
public sealed class StalledHostCompletionTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMilliseconds(1500);

    /// <summary>The debounce (at most 250 ms) and a loaded machine's scheduling, on top of the deadline.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_stalled_code_host_gives_an_empty_completion_within_the_deadline_and_the_next_completion_skips_it()
    {
        await using EmulatorServer stallbox = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0 }, CancellationToken.None);
        await using EmulatorServer gpuBox = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0 }, CancellationToken.None);
        stallbox.SetFaults(new EmulatorFaultSet { Hang = true });
        using ModelProviderPool providers = new();
        using RouterConfigSource config = RouterConfigSource.Fixed(Load($$"""
            endpoints:
              stallbox:
                provider: ollama
                url: {{stallbox.BaseAddress}}
              gpu-box:
                provider: ollama
                url: {{gpuBox.BaseAddress}}
            tiers:
              quick: { model: "qwen2.5:3b", endpoints: [gpu-box], contextTokens: 8192 }
              code: { model: "qwen2.5-coder:14b", endpoints: [stallbox, gpu-box], contextTokens: 16384 }
              heavy: { model: "qwen2.5-coder:32b", endpoints: [gpu-box], contextTokens: 32768 }
            deadlines:
              completionMs: {{Deadline.TotalMilliseconds}}
            """));
        await using LspHarness lsp = await LspHarness.StartAsync(
            config: config, providers: providers, health: new EndpointHealthOptions { BaseCooldown = TimeSpan.FromMinutes(1) }, dispatch: new DispatchOptions());
        await lsp.OpenAsync("public int Add(int a, int b)\n{\n    return \n}\n");

        Stopwatch first = Stopwatch.StartNew();
        string? stalled = await lsp.InlineAsync(2, 11);
        first.Stop();
        // The user is told which host stalled, and only that one: the host the deadline left no time for is not blamed.
        string told;
        do
        {
            told = (await lsp.NextLogAsync()).Message;
        }
        while (!told.Contains("failed", StringComparison.Ordinal));

        Assert.Contains("stallbox: timeout", told, StringComparison.Ordinal);
        Assert.DoesNotContain("gpu-box", told, StringComparison.Ordinal);

        Stopwatch second = Stopwatch.StartNew();
        string? answered = await lsp.InlineAsync(2, 11);
        second.Stop();

        output.WriteLine($"completion to a stalled host: empty after {first.ElapsedMilliseconds} ms (deadline {Deadline.TotalMilliseconds} ms); the next one answered in {second.ElapsedMilliseconds} ms");
        Assert.Null(stalled);
        Assert.InRange(first.Elapsed, Deadline - TimeSpan.FromMilliseconds(100), Deadline + Slack);
        await stallbox.WaitForRequestAsync(r => r.Outcome == EmulatorRequestOutcome.ClientClosed, lsp.Timeout);
        Assert.False(string.IsNullOrWhiteSpace(answered));
        Assert.True(second.Elapsed < Deadline, $"the second completion took {second.ElapsedMilliseconds} ms");
        Assert.Single(stallbox.Requests);
        Assert.Equal(EndpointCircuitState.Open, lsp.Runtime.Health.Snapshot("stallbox").State);
        Assert.Contains(lsp.Traces, trace => trace.Outcome == CompletionOutcome.Failed);
    }

    private static RouterConfig Load(string yaml)
    {
        ConfigLoadResult loaded = RouterConfigLoader.Load(yaml, "router.yaml", _ => null);
        return loaded.Config ?? throw new InvalidOperationException(string.Join("; ", loaded.Errors));
    }
}

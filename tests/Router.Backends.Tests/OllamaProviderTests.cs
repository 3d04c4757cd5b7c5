using Router.Backends.Ollama;
using Router.Backends.Providers;
using Router.Emulator;

namespace Router.Backends.Tests;

public sealed class OllamaProviderTests
{
    private static async Task<List<ModelChunk>> CollectAsync(OllamaProvider provider, ModelRequest request)
    {
        var chunks = new List<ModelChunk>();
        await foreach (var chunk in provider.StreamAsync(request, EmulatedHost.Deadline()))
        {
            chunks.Add(chunk);
        }

        return chunks;
    }

    [Fact]
    public async Task Prompt_request_streams_text_and_ends_with_usage()
    {
        await using var host = await EmulatedHost.StartAsync();
        var provider = new OllamaProvider("gpu-box", host.Emulator.BaseAddress, host.Http);

        var chunks = await CollectAsync(provider, new ModelRequest("qwen2.5:3b") { Prompt = "Summarise the borrow checker" });

        Assert.Equal("gpu-box", provider.EndpointName);
        Assert.All(chunks[..^1], c => Assert.False(c.Done));
        var last = chunks[^1];
        Assert.True(last.Done);
        Assert.Equal("stop", last.DoneReason);
        var usage = Assert.IsType<ModelUsage>(last.Usage);
        Assert.Equal(chunks.Count - 1, usage.OutputTokens);
        Assert.True(usage.PromptTokens > 0);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), usage.LoadDuration);
        Assert.Contains("borrow", string.Concat(chunks.Select(c => c.Text)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Suffix_and_raw_go_to_generate_and_options_are_translated()
    {
        await using var host = await EmulatedHost.StartAsync();
        var provider = new OllamaProvider("gpu-box", host.Emulator.BaseAddress, host.Http);
        var request = new ModelRequest("qwen2.5-coder:14b")
        {
            Prompt = "public int Twice(int value)\n{",
            Suffix = "\n}\n",
            Options = new GenerationOptions { MaxTokens = 2, Temperature = 0 },
            KeepAlive = "-1",
        };

        var chunks = await CollectAsync(provider, request);

        var record = Assert.Single(host.Emulator.Requests);
        Assert.Equal("/api/generate", record.Endpoint);
        Assert.Equal("\n}\n", record.Suffix);
        Assert.Equal("length", chunks[^1].DoneReason);
        Assert.Equal(2, chunks[^1].Usage!.OutputTokens);
        Assert.Contains("qwen2.5-coder:14b", host.Emulator.LoadedModels);
    }

    [Fact]
    public async Task Messages_go_to_chat()
    {
        await using var host = await EmulatedHost.StartAsync();
        var provider = new OllamaProvider("laptop", host.Emulator.BaseAddress, host.Http);
        var request = new ModelRequest("qwen2.5:3b") { Messages = [new ChatTurn("user", "Explain generics")] };

        var chunks = await CollectAsync(provider, request);

        Assert.Equal("/api/chat", Assert.Single(host.Emulator.Requests).Endpoint);
        Assert.Contains("generics", string.Concat(chunks.Select(c => c.Text)), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(chunks[^1].Usage);
    }

    [Fact]
    public async Task Cancelling_the_provider_stream_closes_the_backend_stream()
    {
        await using var host = await EmulatedHost.StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { StallAfterChunks = 1 });
        var provider = new OllamaProvider("gpu-box", host.Emulator.BaseAddress, host.Http);
        using var cancel = new CancellationTokenSource();

        var received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var unused in provider.StreamAsync(new ModelRequest("qwen2.5:3b") { Prompt = "hello" }, cancel.Token))
            {
                received++;
                await host.Emulator.WaitForRequestAsync(r => r.Chunks == 1, EmulatedHost.Deadline());

                // Cancel while the next read waits on the stalled host.
                _ = Task.Run(async () =>
                {
                    await Task.Yield();
                    await cancel.CancelAsync();
                });
            }
        });

        var record = await host.Emulator.WaitForRequestAsync(r => r.Outcome != EmulatorRequestOutcome.InProgress, EmulatedHost.Deadline());
        Assert.Equal(EmulatorRequestOutcome.ClientClosed, record.Outcome);
        Assert.Equal(1, received);
    }

    [Fact]
    public async Task Backend_failure_surfaces_as_a_typed_error()
    {
        await using var host = await EmulatedHost.StartAsync();
        var provider = new OllamaProvider("gpu-box", host.Emulator.BaseAddress, host.Http);

        var error = await Assert.ThrowsAsync<ProviderException>(() => CollectAsync(provider, new ModelRequest("missing:1b") { Prompt = "x" }));

        Assert.Equal(ProviderErrorKind.ModelNotFound, error.Kind);
        Assert.Contains("ollama pull missing:1b", error.Message, StringComparison.Ordinal);
    }
}

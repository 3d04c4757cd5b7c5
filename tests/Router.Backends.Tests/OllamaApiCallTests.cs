using Router.Backends.Ollama;
using Router.Backends.Providers;
using static Router.Backends.Tests.ModelChunks;
using Router.Emulator;

namespace Router.Backends.Tests;

/// <summary>Every Ollama API the router calls, through <see cref="OllamaProvider"/> (OllamaSharp underneath) against the
/// emulator on loopback: what comes back, and how each way of failing is told apart.</summary>
public sealed class OllamaApiCallTests
{
    private static ModelRequest Prompt(string model = "qwen2.5:3b", string prompt = "Why is the sky blue?") => new(model) { Prompt = prompt };

    [Fact]
    public async Task Streaming_generate_yields_text_chunks_then_a_final_chunk_with_usage_and_load_time()
    {
        await using var host = await EmulatedHost.StartAsync();

        var chunks = await CollectAsync(host.Provider.StreamAsync(Prompt(), EmulatedHost.Deadline()));

        Assert.True(chunks.Count > 2);
        Assert.All(chunks[..^1], c => Assert.Null(c.Usage));
        var usage = Assert.IsType<ModelUsage>(chunks[^1].Usage);
        Assert.Equal("stop", chunks[^1].DoneReason);
        Assert.Equal(chunks.Count - 1, usage.OutputTokens);
        Assert.True(usage.PromptTokens > 0);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), usage.LoadDuration);
        Assert.True(usage.TotalDuration > usage.EvalDuration);
        Assert.True(Assert.Single(host.Emulator.Requests).Stream);
        Assert.Contains("sky", string.Concat(chunks.Select(c => c.Text)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Non_streaming_generate_returns_the_whole_answer_and_cold_then_warm_load_times()
    {
        await using var host = await EmulatedHost.StartAsync();

        var cold = await host.Provider.GenerateAsync(Prompt("qwen2.5-coder:14b"), EmulatedHost.Deadline());
        var warm = await host.Provider.GenerateAsync(Prompt("qwen2.5-coder:14b"), EmulatedHost.Deadline());

        Assert.True(cold.Done);
        Assert.False(string.IsNullOrWhiteSpace(cold.Text));
        Assert.Equal(TimeSpan.FromSeconds(6), cold.Usage!.LoadDuration);
        Assert.True(warm.Usage!.LoadDuration < TimeSpan.FromMilliseconds(100));
        Assert.False(host.Emulator.Requests[0].Stream);
    }

    [Fact]
    public async Task Fill_in_the_middle_sends_the_suffix_and_gets_code_back()
    {
        await using var host = await EmulatedHost.StartAsync();
        var request = new ModelRequest("qwen2.5-coder:14b")
        {
            Prompt = "def area(width, height):",
            Suffix = "\n\nprint(area(2, 3))\n",
            Options = new GenerationOptions { Temperature = 0, ContextTokens = 4096 },
            KeepAlive = "10m",
        };

        var answer = await host.Provider.GenerateAsync(request, EmulatedHost.Deadline());

        var record = Assert.Single(host.Emulator.Requests);
        Assert.Equal("\n\nprint(area(2, 3))\n", record.Suffix);
        Assert.StartsWith("\n    ", answer.Text, StringComparison.Ordinal);
        Assert.Contains("width", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Num_predict_is_honoured()
    {
        await using var host = await EmulatedHost.StartAsync();
        var request = Prompt() with { Options = new GenerationOptions { MaxTokens = 4 } };

        var answer = await host.Provider.GenerateAsync(request, EmulatedHost.Deadline());

        Assert.Equal("length", answer.DoneReason);
        Assert.Equal(4, answer.Usage!.OutputTokens);
    }

    [Fact]
    public async Task Chat_goes_through_the_chat_client_and_ends_with_usage_and_load_time()
    {
        await using var host = await EmulatedHost.StartAsync();
        var request = new ModelRequest("qwen2.5:3b")
        {
            Messages = [new("system", "Be brief."), new("user", "What is a mutex?")],
            Options = new GenerationOptions { MaxTokens = 5, ContextTokens = 2048 },
            KeepAlive = "-1",
        };

        var chunks = await CollectAsync(host.Provider.StreamAsync(request, EmulatedHost.Deadline()));

        Assert.False(string.IsNullOrWhiteSpace(string.Concat(chunks.Select(c => c.Text))));
        var record = Assert.Single(host.Emulator.Requests);
        Assert.Equal("/api/chat", record.Endpoint);
        Assert.Equal("length", chunks[^1].DoneReason);
        Assert.Equal(5, chunks[^1].Usage!.OutputTokens);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), chunks[^1].Usage!.LoadDuration);
    }

    [Fact]
    public async Task Tags_ps_show_and_version_are_parsed()
    {
        await using var host = await EmulatedHost.StartAsync();
        await host.Provider.GenerateAsync(Prompt("qwen2.5-coder:14b"), EmulatedHost.Deadline());

        var models = await host.Provider.ListModelsAsync(EmulatedHost.Deadline());
        var running = await host.Provider.ListRunningModelsAsync(EmulatedHost.Deadline());
        var show = await host.Provider.ShowAsync("qwen2.5-coder:14b", EmulatedHost.Deadline());
        var version = await host.Provider.GetVersionAsync(EmulatedHost.Deadline());

        Assert.Equal(5, models.Count);
        Assert.Equal("qwen2", models[0].Details!.Family);
        Assert.Equal("14.8B", models[0].Details!.ParameterSize);
        Assert.True(models[0].Size > 0);
        Assert.NotEqual(default, models[0].ModifiedAt);

        var loaded = Assert.Single(running);
        Assert.Equal("qwen2.5-coder:14b", loaded.Name);
        Assert.Equal(10_600_000_000, loaded.SizeVram);
        Assert.True(OllamaModelFacts.ExpiresAt(loaded) > DateTimeOffset.UtcNow.AddMinutes(4));

        Assert.Equal(32768, OllamaModelFacts.ContextLength(show));
        Assert.True(OllamaModelFacts.HasCapability(show, "insert"));
        Assert.False(OllamaModelFacts.HasCapability(show, "vision"));
        Assert.Equal("qwen2", show.Info.Architecture);
        Assert.Contains("fim_prefix", show.Template, StringComparison.Ordinal);

        Assert.Matches(@"^\d+\.\d+\.\d+", version);
    }

    [Fact]
    public async Task Unknown_model_is_a_typed_model_not_found_naming_host_and_model()
    {
        await using var host = await EmulatedHost.StartAsync();

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.GenerateAsync(Prompt("ghost:7b"), EmulatedHost.Deadline()));

        Assert.Equal(ProviderErrorKind.ModelNotFound, error.Kind);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("ghost:7b", error.Model);
        Assert.Contains(host.Emulator.BaseAddress.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("model 'ghost:7b' not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("ollama pull ghost:7b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_for_a_missing_model_is_model_not_found()
    {
        await using var host = await EmulatedHost.StartAsync();

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.ShowAsync("ghost:7b", EmulatedHost.Deadline()));

        Assert.Equal(ProviderErrorKind.ModelNotFound, error.Kind);
    }

    [Fact]
    public async Task Streaming_request_for_a_missing_model_fails_before_any_chunk()
    {
        await using var host = await EmulatedHost.StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { ModelNotFound = true }, "qwen2.5:3b");

        var error = await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (var unused in host.Provider.StreamAsync(Prompt(), EmulatedHost.Deadline()))
            {
                Assert.Fail("no chunk expected");
            }
        });

        Assert.Equal(ProviderErrorKind.ModelNotFound, error.Kind);
    }

    [Fact]
    public async Task Http_500_is_a_typed_server_error_with_Ollamas_message()
    {
        await using var host = await EmulatedHost.StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { ServerError = true });

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.ListModelsAsync(EmulatedHost.Deadline()));

        Assert.Equal(ProviderErrorKind.ServerError, error.Kind);
        Assert.Equal(500, error.StatusCode);
        Assert.Contains("llama runner process has terminated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_that_is_off_is_unreachable_with_a_clear_message()
    {
        await using var host = await EmulatedHost.StartAsync();
        await host.Emulator.StopListeningAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.GenerateAsync(Prompt(), EmulatedHost.Deadline()));

        Assert.Equal(ProviderErrorKind.Unreachable, error.Kind);
        Assert.Equal(host.Emulator.BaseAddress, error.Host);
        Assert.Contains(host.Emulator.BaseAddress.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
        Assert.Contains("qwen2.5:3b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_that_drops_connections_is_unreachable()
    {
        await using var host = await EmulatedHost.StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { HostDown = true });

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.GetVersionAsync(EmulatedHost.Deadline()));

        Assert.Equal(ProviderErrorKind.Unreachable, error.Kind);
    }

    [Fact]
    public async Task Stream_that_ends_without_done_is_a_stream_cut()
    {
        await using var host = await EmulatedHost.StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { CutAfterChunks = 3 });
        var received = 0;

        var error = await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (var unused in host.Provider.StreamAsync(Prompt(), EmulatedHost.Deadline()))
            {
                received++;
            }
        });

        Assert.Equal(ProviderErrorKind.StreamCut, error.Kind);
        Assert.Equal(3, received);
        Assert.Contains("done", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_streaming_answer_cut_in_half_is_a_stream_cut()
    {
        await using var host = await EmulatedHost.StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { CutAfterChunks = 0 });

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.GenerateAsync(Prompt(), EmulatedHost.Deadline()));

        Assert.Equal(ProviderErrorKind.StreamCut, error.Kind);
    }

    [Fact]
    public async Task Cancelling_mid_stream_closes_the_http_stream_at_once()
    {
        await using var host = await EmulatedHost.StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { StallAfterChunks = 2 });
        using var cancel = new CancellationTokenSource();

        var stream = host.Provider.StreamAsync(Prompt(), cancel.Token).GetAsyncEnumerator(cancel.Token);
        await using (stream)
        {
            Assert.True(await stream.MoveNextAsync());
            Assert.True(await stream.MoveNextAsync());
            var third = stream.MoveNextAsync().AsTask();
            await host.Emulator.WaitForRequestAsync(r => r.Chunks == 2, EmulatedHost.Deadline());

            await cancel.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
        }

        var record = await host.Emulator.WaitForRequestAsync(r => r.Outcome != EmulatorRequestOutcome.InProgress, EmulatedHost.Deadline());
        Assert.Equal(EmulatorRequestOutcome.ClientClosed, record.Outcome);
        Assert.Equal(2, record.Chunks);
    }

    [Fact]
    public async Task Cancelling_a_chat_closes_the_stream_with_a_default_HttpClient_too()
    {
        await using var host = await EmulatedHost.StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { StallAfterChunks = 1 });
        using var plain = new HttpClient();
        using var provider = new OllamaProvider("plain", host.Emulator.BaseAddress, plain);
        using var cancel = new CancellationTokenSource();

        var stream = provider.StreamAsync(new ModelRequest("qwen2.5:3b") { Messages = [new("user", "hi")] }, cancel.Token).GetAsyncEnumerator(cancel.Token);
        await using (stream)
        {
            Assert.True(await stream.MoveNextAsync());
            var next = stream.MoveNextAsync().AsTask();
            await host.Emulator.WaitForRequestAsync(r => r.Chunks == 1, EmulatedHost.Deadline());
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
        }

        var record = await host.Emulator.WaitForRequestAsync(r => r.Outcome != EmulatorRequestOutcome.InProgress, EmulatedHost.Deadline());
        Assert.Equal(EmulatorRequestOutcome.ClientClosed, record.Outcome);
    }

    [Fact]
    public async Task Abandoning_a_stream_early_closes_it()
    {
        await using var host = await EmulatedHost.StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { StallAfterChunks = 2 });

        await foreach (var unused in host.Provider.StreamAsync(Prompt(), EmulatedHost.Deadline()))
        {
            break;
        }

        var record = await host.Emulator.WaitForRequestAsync(r => r.Outcome != EmulatorRequestOutcome.InProgress, EmulatedHost.Deadline());
        Assert.Equal(EmulatorRequestOutcome.ClientClosed, record.Outcome);
    }
}

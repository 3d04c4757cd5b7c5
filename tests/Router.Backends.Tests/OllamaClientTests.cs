using Router.Backends.Ollama;
using Router.Emulator;

namespace Router.Backends.Tests;

public sealed class OllamaClientTests
{
    private static OllamaGenerateRequest Prompt(string model = "qwen2.5:3b", string prompt = "Why is the sky blue?") =>
        new() { Model = model, Prompt = prompt };

    [Fact]
    public async Task Streaming_generate_yields_text_chunks_then_a_final_chunk_with_timings()
    {
        await using var host = await EmulatedHost.StartAsync();

        var chunks = new List<OllamaGenerateResponse>();
        await foreach (var chunk in host.Client.GenerateStreamAsync(Prompt(), EmulatedHost.Deadline()))
        {
            chunks.Add(chunk);
        }

        Assert.True(chunks.Count > 2);
        Assert.All(chunks[..^1], c => Assert.Null(c.Timings));
        var timings = Assert.IsType<OllamaTimings>(chunks[^1].Timings);
        Assert.Equal("stop", timings.DoneReason);
        Assert.Equal(chunks.Count - 1, timings.EvalCount);
        Assert.True(timings.PromptEvalCount > 0);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), timings.LoadDuration);
        Assert.True(timings.TotalDuration > timings.EvalDuration);
        Assert.NotNull(chunks[^1].Context);
        Assert.Contains("sky", string.Concat(chunks.Select(c => c.Response)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Non_streaming_generate_returns_the_whole_answer_and_cold_then_warm_load_times()
    {
        await using var host = await EmulatedHost.StartAsync();

        var cold = await host.Client.GenerateAsync(Prompt("qwen2.5-coder:14b"), EmulatedHost.Deadline());
        var warm = await host.Client.GenerateAsync(Prompt("qwen2.5-coder:14b"), EmulatedHost.Deadline());

        Assert.True(cold.Done);
        Assert.False(string.IsNullOrWhiteSpace(cold.Response));
        Assert.Equal(TimeSpan.FromSeconds(6), cold.Timings!.LoadDuration);
        Assert.True(warm.Timings!.LoadDuration < TimeSpan.FromMilliseconds(100));
        Assert.False(host.Emulator.Requests[0].Stream);
    }

    [Fact]
    public async Task Fill_in_the_middle_sends_the_suffix_and_gets_code_back()
    {
        await using var host = await EmulatedHost.StartAsync();
        var request = new OllamaGenerateRequest
        {
            Model = "qwen2.5-coder:14b",
            Prompt = "def area(width, height):",
            Suffix = "\n\nprint(area(2, 3))\n",
            Options = new OllamaModelOptions { Temperature = 0, NumCtx = 4096 },
            KeepAlive = "10m",
        };

        var answer = await host.Client.GenerateAsync(request, EmulatedHost.Deadline());

        var record = Assert.Single(host.Emulator.Requests);
        Assert.Equal("\n\nprint(area(2, 3))\n", record.Suffix);
        Assert.StartsWith("\n    ", answer.Response, StringComparison.Ordinal);
        Assert.Contains("width", answer.Response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Num_predict_and_stop_are_honoured()
    {
        await using var host = await EmulatedHost.StartAsync();
        var request = Prompt() with { Options = new OllamaModelOptions { NumPredict = 4 } };

        var answer = await host.Client.GenerateAsync(request, EmulatedHost.Deadline());

        Assert.Equal("length", answer.DoneReason);
        Assert.Equal(4, answer.EvalCount);
    }

    [Fact]
    public async Task Chat_streams_assistant_content_and_ends_with_timings()
    {
        await using var host = await EmulatedHost.StartAsync();
        var request = new OllamaChatRequest
        {
            Model = "qwen2.5:3b",
            Messages = [new("system", "Be brief."), new("user", "What is a mutex?")],
        };

        var chunks = new List<OllamaChatResponse>();
        await foreach (var chunk in host.Client.ChatStreamAsync(request, EmulatedHost.Deadline()))
        {
            chunks.Add(chunk);
        }

        Assert.Contains("mutex", string.Concat(chunks.Select(c => c.Content)), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("assistant", chunks[0].Message!.Role);
        Assert.Equal(chunks.Count - 1, chunks[^1].Timings!.EvalCount);
        Assert.Equal("/api/chat", Assert.Single(host.Emulator.Requests).Endpoint);
    }

    [Fact]
    public async Task Non_streaming_chat_returns_the_whole_message()
    {
        await using var host = await EmulatedHost.StartAsync();
        var request = new OllamaChatRequest { Model = "qwen2.5:3b", Messages = [new("user", "Explain closures")] };

        var answer = await host.Client.ChatAsync(request, EmulatedHost.Deadline());

        Assert.True(answer.Done);
        Assert.Contains("closures", answer.Content, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Tags_ps_show_and_version_are_parsed()
    {
        await using var host = await EmulatedHost.StartAsync();
        await host.Client.GenerateAsync(Prompt("qwen2.5-coder:14b"), EmulatedHost.Deadline());

        var models = await host.Client.ListModelsAsync(EmulatedHost.Deadline());
        var running = await host.Client.ListRunningModelsAsync(EmulatedHost.Deadline());
        var show = await host.Client.ShowAsync("qwen2.5-coder:14b", EmulatedHost.Deadline());
        var version = await host.Client.GetVersionAsync(EmulatedHost.Deadline());

        Assert.Equal(5, models.Count);
        Assert.Equal("qwen2", models[0].Details!.Family);
        Assert.Equal("14.8B", models[0].Details!.ParameterSize);
        Assert.True(models[0].Size > 0);
        Assert.NotNull(models[0].ModifiedAt);

        var loaded = Assert.Single(running);
        Assert.Equal("qwen2.5-coder:14b", loaded.Name);
        Assert.Equal(10_600_000_000, loaded.SizeVram);
        Assert.True(loaded.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(4));

        Assert.Equal(32768, show.ContextLength);
        Assert.True(show.HasCapability("insert"));
        Assert.False(show.HasCapability("vision"));
        Assert.Contains("fim_prefix", show.Template, StringComparison.Ordinal);

        Assert.Matches(@"^\d+\.\d+\.\d+", version);
    }

    [Fact]
    public async Task Unknown_model_is_a_typed_model_not_found_naming_host_and_model()
    {
        await using var host = await EmulatedHost.StartAsync();

        var error = await Assert.ThrowsAsync<OllamaException>(() => host.Client.GenerateAsync(Prompt("ghost:7b"), EmulatedHost.Deadline()));

        Assert.Equal(OllamaErrorKind.ModelNotFound, error.Kind);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("ghost:7b", error.Model);
        Assert.Contains(host.Emulator.BaseAddress.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("ghost:7b", error.Message, StringComparison.Ordinal);
        Assert.Contains("ollama pull ghost:7b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_request_for_a_missing_model_fails_before_any_chunk()
    {
        await using var host = await EmulatedHost.StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { ModelNotFound = true }, "qwen2.5:3b");

        var error = await Assert.ThrowsAsync<OllamaException>(async () =>
        {
            await foreach (var unused in host.Client.GenerateStreamAsync(Prompt(), EmulatedHost.Deadline()))
            {
                Assert.Fail("no chunk expected");
            }
        });

        Assert.Equal(OllamaErrorKind.ModelNotFound, error.Kind);
    }

    [Fact]
    public async Task Http_500_is_a_typed_server_error_with_Ollamas_message()
    {
        await using var host = await EmulatedHost.StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { ServerError = true });

        var error = await Assert.ThrowsAsync<OllamaException>(() => host.Client.ListModelsAsync(EmulatedHost.Deadline()));

        Assert.Equal(OllamaErrorKind.ServerError, error.Kind);
        Assert.Equal(500, error.StatusCode);
        Assert.Contains("llama runner process has terminated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_that_is_off_is_unreachable_with_a_clear_message()
    {
        await using var host = await EmulatedHost.StartAsync();
        await host.Emulator.StopListeningAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<OllamaException>(() => host.Client.GenerateAsync(Prompt(), EmulatedHost.Deadline()));

        Assert.Equal(OllamaErrorKind.Unreachable, error.Kind);
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

        var error = await Assert.ThrowsAsync<OllamaException>(() => host.Client.GetVersionAsync(EmulatedHost.Deadline()));

        Assert.Equal(OllamaErrorKind.Unreachable, error.Kind);
    }

    [Fact]
    public async Task Stream_that_ends_without_done_is_a_stream_cut()
    {
        await using var host = await EmulatedHost.StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { CutAfterChunks = 3 });
        var received = 0;

        var error = await Assert.ThrowsAsync<OllamaException>(async () =>
        {
            await foreach (var unused in host.Client.GenerateStreamAsync(Prompt(), EmulatedHost.Deadline()))
            {
                received++;
            }
        });

        Assert.Equal(OllamaErrorKind.StreamCut, error.Kind);
        Assert.Equal(3, received);
        Assert.Contains("done", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_streaming_answer_cut_in_half_is_a_stream_cut()
    {
        await using var host = await EmulatedHost.StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { CutAfterChunks = 0 });

        var error = await Assert.ThrowsAsync<OllamaException>(() => host.Client.GenerateAsync(Prompt(), EmulatedHost.Deadline()));

        Assert.Equal(OllamaErrorKind.StreamCut, error.Kind);
    }

    [Fact]
    public async Task Cancelling_mid_stream_closes_the_http_stream_at_once()
    {
        await using var host = await EmulatedHost.StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { StallAfterChunks = 2 });
        using var cancel = new CancellationTokenSource();

        var stream = host.Client.GenerateStreamAsync(Prompt(), cancel.Token).GetAsyncEnumerator(cancel.Token);
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
    public async Task Cancelling_closes_the_stream_with_a_default_HttpClient_too()
    {
        await using var host = await EmulatedHost.StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { StallAfterChunks = 1 });
        using var plain = new HttpClient();
        var client = new OllamaClient(host.Emulator.BaseAddress, plain);
        using var cancel = new CancellationTokenSource();

        var stream = client.ChatStreamAsync(new OllamaChatRequest { Model = "qwen2.5:3b", Messages = [new("user", "hi")] }, cancel.Token)
            .GetAsyncEnumerator(cancel.Token);
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

        await foreach (var unused in host.Client.GenerateStreamAsync(Prompt(), EmulatedHost.Deadline()))
        {
            break;
        }

        var record = await host.Emulator.WaitForRequestAsync(r => r.Outcome != EmulatorRequestOutcome.InProgress, EmulatedHost.Deadline());
        Assert.Equal(EmulatorRequestOutcome.ClientClosed, record.Outcome);
    }
}

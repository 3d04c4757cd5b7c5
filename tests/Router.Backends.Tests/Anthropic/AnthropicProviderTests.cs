using Microsoft.Extensions.AI;
using Router.Backends.Anthropic;
using Router.Backends.Ollama;
using Router.Backends.Providers;
using Router.Emulator;
using static Router.Backends.Tests.OpenAi.OpenAiProviderTests;

namespace Router.Backends.Tests.Anthropic;

public sealed class AnthropicProviderTests
{
    private static readonly ModelRequest Chat = new("qwen2.5:3b")
    {
        Messages = [new ChatTurn("system", "Be brief."), new ChatTurn("user", "Explain dependency injection")],
    };

    [Fact]
    public async Task Messages_stream_text_deltas_and_end_with_usage()
    {
        await using var host = await StartAsync();
        using var provider = Provider(host, ApiKeySource.None);

        var chunks = await CollectAsync(provider, Chat);

        Assert.Contains("dependency", string.Concat(chunks.Select(c => c.Text)), StringComparison.OrdinalIgnoreCase);
        Assert.All(chunks[..^1], c => Assert.False(c.Done));
        var last = chunks[^1];
        Assert.True(last.Done);
        Assert.Equal("stop", last.DoneReason);
        Assert.NotNull(last.Usage);
        Assert.True(last.Usage.PromptTokens > 0);
        Assert.Equal(chunks.Count - 1, last.Usage.OutputTokens);
        var record = Assert.Single(host.Emulator.Requests);
        Assert.Equal("/v1/messages", record.Endpoint);
        Assert.Equal("Explain dependency injection", record.Prompt);
        Assert.Equal(EmulatorRequestOutcome.Completed, record.Outcome);
    }

    [Fact]
    public async Task Max_tokens_stop_is_reported_as_length()
    {
        await using var host = await StartAsync();
        using var provider = Provider(host, ApiKeySource.None);

        var chunks = await CollectAsync(provider, Chat with { Options = new GenerationOptions { MaxTokens = 3 } });

        Assert.Equal("length", chunks[^1].DoneReason);
        Assert.Equal(3, chunks[^1].Usage?.OutputTokens);
    }

    [Fact]
    public async Task The_key_is_sent_as_x_api_key()
    {
        await using var host = await StartAsync(apiKey: "sk-ant-emulated");
        using var provider = Provider(host, new ApiKeySource("ROUTER_TEST_ANTHROPIC_KEY", "sk-ant-emulated"));

        var chunks = await CollectAsync(provider, Chat);

        Assert.True(chunks[^1].Done);
        Assert.Equal(EmulatorRequestOutcome.Completed, Assert.Single(host.Emulator.Requests).Outcome);
    }

    [Fact]
    public async Task Unset_key_variable_fails_Unauthorized_naming_the_variable_without_calling_the_host()
    {
        await using var host = await StartAsync(apiKey: "sk-ant-emulated");
        using var provider = Provider(host, new ApiKeySource("ROUTER_TEST_ANTHROPIC_KEY", null));

        var error = await Assert.ThrowsAsync<ProviderException>(() => CollectAsync(provider, Chat));

        Assert.Equal(ProviderErrorKind.Unauthorized, error.Kind);
        Assert.Contains("ROUTER_TEST_ANTHROPIC_KEY", error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Emulator.Requests);
    }

    [Fact]
    public async Task Rejected_key_fails_Unauthorized_naming_the_variable_not_the_value()
    {
        await using var host = await StartAsync(apiKey: "sk-ant-emulated");
        using var provider = Provider(host, new ApiKeySource("ROUTER_TEST_ANTHROPIC_KEY", "sk-ant-wrong-value"));

        var error = await Assert.ThrowsAsync<ProviderException>(() => CollectAsync(provider, Chat));

        Assert.Equal(ProviderErrorKind.Unauthorized, error.Kind);
        Assert.Contains("ROUTER_TEST_ANTHROPIC_KEY", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-ant-wrong-value", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_model_fails_ModelNotFound()
    {
        await using var host = await StartAsync();
        using var provider = Provider(host, ApiKeySource.None);

        var error = await Assert.ThrowsAsync<ProviderException>(() => CollectAsync(provider, Chat with { Model = "claude-none" }));

        Assert.Equal(ProviderErrorKind.ModelNotFound, error.Kind);
        Assert.Contains("claude-none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_down_fails_Unreachable()
    {
        using var http = ProviderHttpClient.Create();
        using var provider = new AnthropicProvider("down", new Uri($"http://127.0.0.1:{ClosedPort()}"), ApiKeySource.None, http);

        var error = await Assert.ThrowsAsync<ProviderException>(() => CollectAsync(provider, Chat));

        Assert.Equal(ProviderErrorKind.Unreachable, error.Kind);
    }

    [Fact]
    public async Task Cancelling_mid_stream_closes_the_stream()
    {
        await using var host = await StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { StallAfterChunks = 2 });
        using var provider = Provider(host, ApiKeySource.None);
        using var cancel = new CancellationTokenSource();

        var received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var chunk in provider.StreamAsync(Chat, cancel.Token))
            {
                if (++received == 2)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        var closed = await host.Emulator.WaitForRequestAsync(r => r.Outcome == EmulatorRequestOutcome.ClientClosed, EmulatedHost.Deadline());
        Assert.Equal("/v1/messages", closed.Endpoint);
    }

    [Fact]
    public async Task Stream_cut_before_message_stop_fails_StreamCut()
    {
        await using var host = await StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { CutAfterChunks = 3 });
        using var provider = Provider(host, ApiKeySource.None);

        var error = await Assert.ThrowsAsync<ProviderException>(() => CollectAsync(provider, Chat));

        Assert.Equal(ProviderErrorKind.StreamCut, error.Kind);
    }

    [Fact]
    public async Task A_whole_answer_comes_in_one_reply_with_usage_and_finish_reason()
    {
        await using var host = await StartAsync(apiKey: "sk-ant-emulated");
        using var provider = Provider(host, new ApiKeySource("ROUTER_TEST_ANTHROPIC_KEY", "sk-ant-emulated"));

        var response = await provider.ChatClient.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, "Explain dependency injection")],
            new ChatOptions { ModelId = "qwen2.5:3b", MaxOutputTokens = 6 },
            EmulatedHost.Deadline());

        Assert.False(string.IsNullOrWhiteSpace(response.Text));
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal(6, response.Usage?.OutputTokenCount);
        Assert.True(response.Usage?.InputTokenCount > 0);
        var record = Assert.Single(host.Emulator.Requests);
        Assert.False(record.Stream);
        Assert.Equal(EmulatorRequestOutcome.Completed, record.Outcome);
    }

    [Fact]
    public async Task Cancelling_a_whole_answer_request_closes_the_connection()
    {
        await using var host = await StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { StallAfterChunks = 0 });
        using var provider = Provider(host, ApiKeySource.None);
        using var cancel = new CancellationTokenSource();

        var answer = provider.ChatClient.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")], new ChatOptions { ModelId = "qwen2.5:3b" }, cancel.Token);
        await host.Emulator.WaitForRequestAsync(r => r.Endpoint == "/v1/messages", EmulatedHost.Deadline());
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => answer);
        var closed = await host.Emulator.WaitForRequestAsync(r => r.Outcome == EmulatorRequestOutcome.ClientClosed, EmulatedHost.Deadline());
        Assert.Equal("/v1/messages", closed.Endpoint);
    }

    // The provider's client is disposed per test; it gets its own HTTP client so the host's shared one is untouched.
    private static AnthropicProvider Provider(EmulatedHost host, ApiKeySource key) =>
        new("emulated-anthropic", host.Emulator.BaseAddress, key, ProviderHttpClient.Create());
}

using System.Net;
using System.Net.Sockets;
using Router.Backends.Ollama;
using Router.Backends.OpenAi;
using Router.Backends.Providers;
using Router.Emulator;

namespace Router.Backends.Tests.OpenAi;

public sealed class OpenAiProviderTests
{
    private static readonly ModelRequest Chat = new("qwen2.5:3b")
    {
        Messages = [new ChatTurn("system", "Be brief."), new ChatTurn("user", "Explain dependency injection")],
    };

    [Fact]
    public async Task Chat_streams_text_and_ends_with_usage()
    {
        await using var host = await StartAsync();
        var provider = Provider(host, ApiKeySource.None);

        var chunks = await CollectAsync(provider, Chat);

        Assert.Contains("dependency", string.Concat(chunks.Select(c => c.Text)), StringComparison.OrdinalIgnoreCase);
        Assert.True(chunks.Count > 2);
        Assert.All(chunks[..^1], c => Assert.False(c.Done));
        var last = chunks[^1];
        Assert.True(last.Done);
        Assert.Equal("stop", last.DoneReason);
        Assert.NotNull(last.Usage);
        Assert.True(last.Usage.PromptTokens > 0);
        Assert.Equal(chunks.Count - 1, last.Usage.OutputTokens);
        var record = Assert.Single(host.Emulator.Requests);
        Assert.Equal("/v1/chat/completions", record.Endpoint);
        Assert.Equal(EmulatorRequestOutcome.Completed, record.Outcome);
    }

    [Fact]
    public async Task Prompt_without_suffix_is_sent_as_one_user_message()
    {
        await using var host = await StartAsync();
        var provider = Provider(host, ApiKeySource.None);

        var chunks = await CollectAsync(provider, new ModelRequest("qwen2.5:3b") { Prompt = "What is a monad?" });

        Assert.True(chunks[^1].Done);
        var record = Assert.Single(host.Emulator.Requests);
        Assert.Equal("/v1/chat/completions", record.Endpoint);
        Assert.Equal("What is a monad?", record.Prompt);
    }

    [Fact]
    public async Task Max_tokens_cuts_the_answer_with_done_reason_length()
    {
        await using var host = await StartAsync();
        var provider = Provider(host, ApiKeySource.None);

        var chunks = await CollectAsync(provider, Chat with { Options = new GenerationOptions { MaxTokens = 3 } });

        Assert.Equal("length", chunks[^1].DoneReason);
        Assert.Equal(3, chunks[^1].Usage?.OutputTokens);
    }

    [Fact]
    public async Task Prompt_with_suffix_goes_to_v1_completions_with_the_suffix()
    {
        await using var host = await StartAsync();
        var provider = Provider(host, ApiKeySource.None);
        var request = new ModelRequest("qwen2.5-coder:14b") { Prompt = "def add(a, b):\n    ", Suffix = "\n\nprint(add(1, 2))\n" };

        var chunks = await CollectAsync(provider, request);

        Assert.False(string.IsNullOrWhiteSpace(string.Concat(chunks.Select(c => c.Text))));
        Assert.True(chunks[^1].Done);
        Assert.True(chunks[^1].Usage?.OutputTokens > 0);

        // Before it, the provider asked what the server is (GET /v1/models, /props); Ollama's says nothing known.
        var record = Assert.Single(host.Emulator.Requests, r => r.Model is not null);
        Assert.Equal("/v1/completions", record.Endpoint);
        Assert.Equal("\n\nprint(add(1, 2))\n", record.Suffix);
        Assert.Equal("def add(a, b):\n    ", record.Prompt);
    }

    [Fact]
    public async Task The_key_from_the_environment_variable_is_sent_for_chat_and_completions()
    {
        await using var host = await StartAsync(apiKey: "sk-emulated");
        var provider = Provider(host, new ApiKeySource("ROUTER_TEST_OPENAI_KEY", "sk-emulated"));

        var chat = await CollectAsync(provider, Chat);
        var fim = await CollectAsync(provider, new ModelRequest("qwen2.5-coder:14b") { Prompt = "x = ", Suffix = "\n" });

        Assert.True(chat[^1].Done);
        Assert.True(fim[^1].Done);
        Assert.All(host.Emulator.Requests.Where(r => r.Endpoint != "/props"), r => Assert.Equal(EmulatorRequestOutcome.Completed, r.Outcome));
    }

    [Fact]
    public async Task Unset_key_variable_fails_Unauthorized_naming_the_variable_without_calling_the_host()
    {
        await using var host = await StartAsync(apiKey: "sk-emulated");
        var provider = Provider(host, new ApiKeySource("ROUTER_TEST_OPENAI_KEY", null));

        var error = await Assert.ThrowsAsync<ProviderException>(() => CollectAsync(provider, Chat));

        Assert.Equal(ProviderErrorKind.Unauthorized, error.Kind);
        Assert.Contains("ROUTER_TEST_OPENAI_KEY", error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Emulator.Requests);
    }

    [Fact]
    public async Task Rejected_key_fails_Unauthorized_naming_the_variable_not_the_value()
    {
        await using var host = await StartAsync(apiKey: "sk-emulated");
        var provider = Provider(host, new ApiKeySource("ROUTER_TEST_OPENAI_KEY", "sk-wrong-value"));

        var chat = await Assert.ThrowsAsync<ProviderException>(() => CollectAsync(provider, Chat));
        var fim = await Assert.ThrowsAsync<ProviderException>(
            () => CollectAsync(provider, new ModelRequest("qwen2.5-coder:14b") { Prompt = "x = ", Suffix = "\n" }));

        foreach (var error in new[] { chat, fim })
        {
            Assert.Equal(ProviderErrorKind.Unauthorized, error.Kind);
            Assert.Equal(401, error.StatusCode);
            Assert.Contains("ROUTER_TEST_OPENAI_KEY", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("sk-wrong-value", error.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unknown_model_fails_ModelNotFound_naming_host_and_model()
    {
        await using var host = await StartAsync();
        var provider = Provider(host, ApiKeySource.None);

        var chat = await Assert.ThrowsAsync<ProviderException>(() => CollectAsync(provider, Chat with { Model = "no-such-model" }));
        var fim = await Assert.ThrowsAsync<ProviderException>(
            () => CollectAsync(provider, new ModelRequest("no-such-model") { Prompt = "x = ", Suffix = "\n" }));

        foreach (var error in new[] { chat, fim })
        {
            Assert.Equal(ProviderErrorKind.ModelNotFound, error.Kind);
            Assert.Equal("no-such-model", error.Model);
            Assert.Contains("no-such-model", error.Message, StringComparison.Ordinal);
            Assert.Contains(host.Emulator.BaseAddress.Authority, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Server_error_fails_ServerError()
    {
        await using var host = await StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { ServerError = true });
        var provider = Provider(host, ApiKeySource.None);

        var error = await Assert.ThrowsAsync<ProviderException>(() => CollectAsync(provider, Chat));

        Assert.Equal(ProviderErrorKind.ServerError, error.Kind);
        Assert.Single(host.Emulator.Requests);
    }

    [Fact]
    public async Task Host_down_fails_Unreachable_for_chat_and_completions()
    {
        using var http = ProviderHttpClient.Create();
        var provider = new OpenAiProvider("down", new Uri($"http://127.0.0.1:{ClosedPort()}/v1"), ApiKeySource.None, http);

        var chat = await Assert.ThrowsAsync<ProviderException>(() => CollectAsync(provider, Chat));
        var fim = await Assert.ThrowsAsync<ProviderException>(
            () => CollectAsync(provider, new ModelRequest("qwen2.5-coder:14b") { Prompt = "x = ", Suffix = "\n" }));

        Assert.Equal(ProviderErrorKind.Unreachable, chat.Kind);
        Assert.Equal(ProviderErrorKind.Unreachable, fim.Kind);
    }

    [Fact]
    public async Task Cancelling_mid_stream_closes_the_chat_stream()
    {
        await using var host = await StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { StallAfterChunks = 2 });
        var provider = Provider(host, ApiKeySource.None);
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
        Assert.Equal("/v1/chat/completions", closed.Endpoint);
    }

    [Fact]
    public async Task Cancelling_mid_stream_closes_the_completion_stream()
    {
        await using var host = await StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { StallAfterChunks = 2 });
        var provider = Provider(host, ApiKeySource.None);
        using var cancel = new CancellationTokenSource();
        var request = new ModelRequest("qwen2.5-coder:14b") { Prompt = "def add(a, b):\n    ", Suffix = "\n" };

        var received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var chunk in provider.StreamAsync(request, cancel.Token))
            {
                if (++received == 2)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        var closed = await host.Emulator.WaitForRequestAsync(r => r.Outcome == EmulatorRequestOutcome.ClientClosed, EmulatedHost.Deadline());
        Assert.Equal("/v1/completions", closed.Endpoint);
    }

    [Fact]
    public async Task Stream_cut_before_the_end_fails_StreamCut()
    {
        await using var host = await StartAsync();
        host.Emulator.SetFaults(new EmulatorFaultSet { CutAfterChunks = 3 });
        var provider = Provider(host, ApiKeySource.None);

        var chat = await Assert.ThrowsAsync<ProviderException>(() => CollectAsync(provider, Chat));
        var fim = await Assert.ThrowsAsync<ProviderException>(
            () => CollectAsync(provider, new ModelRequest("qwen2.5-coder:14b") { Prompt = "def add(a, b):\n    ", Suffix = "\n\nprint(add(1, 2))\n" }));

        Assert.Equal(ProviderErrorKind.StreamCut, chat.Kind);
        Assert.Equal(ProviderErrorKind.StreamCut, fim.Kind);
    }

    internal static async Task<EmulatedHost> StartAsync(string? apiKey = null) =>
        await EmulatedHost.StartAsync(new EmulatorOptions { TimeScale = 0, ApiKey = apiKey });

    internal static async Task<List<ModelChunk>> CollectAsync(IModelProvider provider, ModelRequest request)
    {
        var chunks = new List<ModelChunk>();
        await foreach (var chunk in provider.StreamAsync(request, EmulatedHost.Deadline()))
        {
            chunks.Add(chunk);
        }

        return chunks;
    }

    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static OpenAiProvider Provider(EmulatedHost host, ApiKeySource key) =>
        new("emulated-vllm", new Uri(host.Emulator.BaseAddress, "v1"), key, host.Http);
}

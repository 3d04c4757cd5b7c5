using Router.Backends.Anthropic;
using Router.Backends.Ollama;
using Router.Backends.OpenAi;
using Router.Backends.Providers;

namespace Router.Backends.Tests.Providers;

/// <summary>Every provider, fed every real-world error body with every status a host or proxy sends over real loopback HTTP,
/// fails with the one <see cref="ProviderException"/>: its kind follows the status, its message is one short line that
/// shows the body's message and nothing beyond a bounded excerpt.</summary>
public sealed class ErrorReplyContractTests
{
    private static readonly int[] Statuses = [400, 401, 403, 404, 408, 413, 429, 500, 502, 503, 504, 529];

    private static readonly ModelRequest Chat = new("qwen2.5:3b") { Messages = [new ChatTurn("user", "Explain dependency injection")] };
    private static readonly ModelRequest Prompt = new("qwen2.5:3b") { Prompt = "def add(a, b):" };
    private static readonly ModelRequest FillInTheMiddle = new("qwen2.5-coder:14b") { Prompt = "def add(a, b):\n    ", Suffix = "\n" };

    public static TheoryData<RealWorldErrorBody> Bodies => [.. RealWorldErrorBody.All];

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Ollama_maps_every_status_and_body_to_a_provider_error(RealWorldErrorBody body)
    {
        using HttpClient http = ProviderHttpClient.Create();
        await AssertEveryStatusAsync(body, host => new OllamaProvider("ollama-box", host, http), [Prompt, Chat]);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task OpenAi_maps_every_status_and_body_to_a_provider_error(RealWorldErrorBody body)
    {
        using HttpClient http = ProviderHttpClient.Create();
        await AssertEveryStatusAsync(body, host => new OpenAiProvider("vllm-box", new Uri(host, "v1"), ApiKeySource.None, http), [Chat, FillInTheMiddle]);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Anthropic_maps_every_status_and_body_to_a_provider_error(RealWorldErrorBody body)
    {
        using HttpClient http = ProviderHttpClient.Create();
        await AssertEveryStatusAsync(body, host => new AnthropicProvider("claude", host, new ApiKeySource("ROUTER_TEST_KEY", "sk-ant-test"), http), [Chat]);
    }

    [Fact]
    public async Task A_rate_limit_with_retry_after_says_how_long_the_host_asks_to_wait_on_every_provider()
    {
        using HttpClient http = ProviderHttpClient.Create();
        await using CannedReplyHost host = CannedReplyHost.Start(
            new CannedReply(429, "application/json", """{"error":"too many requests"}"""u8.ToArray(), Header: "retry-after: 20"));
        (IModelProvider Provider, ModelRequest[] Requests)[] providers =
        [
            (new OllamaProvider("ollama-box", host.BaseAddress, http), [Prompt, Chat]),
            (new OpenAiProvider("litellm", new Uri(host.BaseAddress, "v1"), ApiKeySource.None, http), [Chat, FillInTheMiddle]),
            (new AnthropicProvider("claude", host.BaseAddress, new ApiKeySource("ROUTER_TEST_KEY", "sk-ant-test"), http), [Chat]),
        ];
        try
        {
            foreach ((IModelProvider provider, ModelRequest[] requests) in providers)
            {
                foreach (ModelRequest request in requests)
                {
                    ProviderException error = await Assert.ThrowsAsync<ProviderException>(() => DrainAsync(provider, request));

                    Assert.Equal(ProviderErrorKind.RateLimited, error.Kind);
                    Assert.Equal(TimeSpan.FromSeconds(20), error.RetryAfter);
                    Assert.Contains("wait 20 s", error.Message, StringComparison.Ordinal);
                }
            }
        }
        finally
        {
            foreach ((IModelProvider provider, _) in providers)
            {
                (provider as IDisposable)?.Dispose();
            }
        }
    }

    private static async Task AssertEveryStatusAsync(RealWorldErrorBody body, Func<Uri, IModelProvider> create, ModelRequest[] requests)
    {
        await using CannedReplyHost host = CannedReplyHost.Start(new CannedReply(500, body.ContentType, body.Body, body.BreaksOff));
        IModelProvider provider = create(host.BaseAddress);
        try
        {
            foreach (int status in Statuses)
            {
                host.Reply = host.Reply with { Status = status };
                foreach (ModelRequest request in requests)
                {
                    int before = host.Requests;
                    string about = $"{status} {body.Name} ({(request.Suffix is null ? request.Messages is null ? "prompt" : "chat" : "fill-in-the-middle")})";

                    ProviderException error = await Assert.ThrowsAsync<ProviderException>(() => DrainAsync(provider, request));

                    Assert.True(host.Requests > before, $"{about}: the request never reached the host: {error.Message}");
                    Assert.True(Expected(status, body) == error.Kind, $"{about}: {error.Kind}, expected {Expected(status, body)}: {error.Message}");
                    Assert.Equal(status, error.StatusCode);
                    Assert.True(error.Message.Length <= 400, $"{about}: a message of {error.Message.Length} characters: {error.Message}");
                    Assert.DoesNotContain('\n', error.Message);
                    Assert.DoesNotContain(RealWorldErrorBody.Tail, error.Message, StringComparison.Ordinal);
                    Assert.DoesNotContain("sk-ant-test", error.Message, StringComparison.Ordinal);
                    if (body.Shows is { } shown && error.Kind != ProviderErrorKind.Unauthorized)
                    {
                        Assert.True(error.Message.Contains(shown, StringComparison.Ordinal), $"{about}: the message does not show \"{shown}\": {error.Message}");
                    }
                }
            }
        }
        finally
        {
            (provider as IDisposable)?.Dispose();
        }
    }

    /// <summary>What each status means, whoever sent it; a 404 that is not an API's JSON is a wrong URL, not a missing model.</summary>
    private static ProviderErrorKind Expected(int status, RealWorldErrorBody body) => status switch
    {
        401 or 403 => ProviderErrorKind.Unauthorized,
        404 when body.FromAnApi => ProviderErrorKind.ModelNotFound,
        404 => ProviderErrorKind.BadResponse,
        408 or 504 => ProviderErrorKind.Timeout,
        429 => ProviderErrorKind.RateLimited,
        400 or 413 => ProviderErrorKind.BadRequest,
        _ => ProviderErrorKind.ServerError,
    };

    private static async Task DrainAsync(IModelProvider provider, ModelRequest request)
    {
        using CancellationTokenSource deadline = new(TimeSpan.FromSeconds(30));
        await foreach (ModelChunk _ in provider.StreamAsync(request, deadline.Token))
        {
        }
    }
}

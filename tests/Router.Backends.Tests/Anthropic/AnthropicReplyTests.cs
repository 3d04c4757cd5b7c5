using System.Text;
using Microsoft.Extensions.AI;
using Router.Backends.Anthropic;
using Router.Backends.Providers;
using Router.Backends.Tests.Providers;

namespace Router.Backends.Tests.Anthropic;

/// <summary>Replies the emulator does not make, served byte for byte over loopback HTTP: error events inside a stream, a 429
/// that says when to come back, an error in a 200 body, a stream that ends early, a key echoed back in an error.</summary>
public sealed class AnthropicReplyTests
{
    private const string Start =
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"claude-sonnet-4-5\",\"stop_reason\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}\n\n"
        + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
        + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Half an\"}}\n\n";

    private static readonly ModelRequest Chat = new("claude-sonnet-4-5") { Messages = [new ChatTurn("user", "Explain dependency injection")] };

    [Theory]
    [InlineData("overloaded_error", "Overloaded", ProviderErrorKind.ServerError)]
    [InlineData("api_error", "Internal server error", ProviderErrorKind.ServerError)]
    [InlineData("rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit", ProviderErrorKind.RateLimited)]
    [InlineData("something_new", "A kind of error no one has seen", ProviderErrorKind.ServerError)]
    public async Task An_error_event_mid_stream_fails_by_its_type_after_the_text_so_far(string type, string message, ProviderErrorKind kind)
    {
        string stream = Start + $"event: error\ndata: {{\"type\":\"error\",\"error\":{{\"type\":\"{type}\",\"message\":\"{message}\"}}}}\n\n";
        await using CannedReplyHost host = CannedReplyHost.Start(new CannedReply(200, "text/event-stream", Encoding.UTF8.GetBytes(stream)));
        using AnthropicProvider provider = Provider(host);

        List<string> texts = [];
        ProviderException error = await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (ModelChunk chunk in provider.StreamAsync(Chat, Deadline()))
            {
                texts.Add(chunk.Text);
            }
        });

        Assert.Equal(["Half an"], texts);
        Assert.Equal(kind, error.Kind);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(type, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_that_ends_before_message_stop_fails_StreamCut()
    {
        await using CannedReplyHost host = CannedReplyHost.Start(new CannedReply(200, "text/event-stream", Encoding.UTF8.GetBytes(Start)));
        using AnthropicProvider provider = Provider(host);

        ProviderException error = await Assert.ThrowsAsync<ProviderException>(() => DrainAsync(provider));

        Assert.Equal(ProviderErrorKind.StreamCut, error.Kind);
    }

    [Fact]
    public async Task An_event_that_is_not_json_fails_BadResponse()
    {
        string stream = Start + "event: content_block_delta\ndata: <html>oops</html>\n\n";
        await using CannedReplyHost host = CannedReplyHost.Start(new CannedReply(200, "text/event-stream", Encoding.UTF8.GetBytes(stream)));
        using AnthropicProvider provider = Provider(host);

        ProviderException error = await Assert.ThrowsAsync<ProviderException>(() => DrainAsync(provider));

        Assert.Equal(ProviderErrorKind.BadResponse, error.Kind);
    }

    [Theory]
    [InlineData(429, ProviderErrorKind.RateLimited, """{"type":"error","error":{"type":"rate_limit_error","message":"Number of requests has exceeded your rate limit"}}""")]
    [InlineData(529, ProviderErrorKind.ServerError, """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""")]
    public async Task Retry_after_is_kept_and_told(int status, ProviderErrorKind kind, string body)
    {
        await using CannedReplyHost host = CannedReplyHost.Start(new CannedReply(status, "application/json", Encoding.UTF8.GetBytes(body), Header: "retry-after: 20"));
        using AnthropicProvider provider = Provider(host);

        ProviderException error = await Assert.ThrowsAsync<ProviderException>(() => DrainAsync(provider));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(20), error.RetryAfter);
        Assert.Contains("wait 20 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_in_a_200_body_is_the_error_it_names()
    {
        const string body = """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""";
        await using CannedReplyHost host = CannedReplyHost.Start(new CannedReply(200, "application/json", Encoding.UTF8.GetBytes(body)));
        using AnthropicProvider provider = Provider(host);

        ProviderException error = await Assert.ThrowsAsync<ProviderException>(
            () => provider.ChatClient.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")], new ChatOptions { ModelId = "claude-sonnet-4-5" }, Deadline()));

        Assert.Equal(ProviderErrorKind.ServerError, error.Kind);
        Assert.Contains("Overloaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_whole_answer_that_breaks_off_fails_StreamCut_and_one_that_is_not_json_BadResponse()
    {
        await using CannedReplyHost host = CannedReplyHost.Start(new CannedReply(200, "application/json", Encoding.UTF8.GetBytes("""{"id":"msg_1","type":"message","content":[{"type":"te""")));
        using AnthropicProvider provider = Provider(host);
        ChatOptions options = new() { ModelId = "claude-sonnet-4-5" };

        ProviderException cut = await Assert.ThrowsAsync<ProviderException>(() => provider.ChatClient.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")], options, Deadline()));
        host.Reply = new CannedReply(200, "text/html", Encoding.UTF8.GetBytes("<html><body>Welcome to nginx!</body></html>"));
        ProviderException page = await Assert.ThrowsAsync<ProviderException>(() => provider.ChatClient.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")], options, Deadline()));

        Assert.Equal(ProviderErrorKind.StreamCut, cut.Kind);
        Assert.Equal(ProviderErrorKind.BadResponse, page.Kind);
    }

    [Fact]
    public async Task A_key_the_host_echoes_back_never_reaches_the_error()
    {
        const string key = "sk-ant-api03-Zx8vQm2LrT5nW9yKp3sD7fG1hJ4cB6aE0uIoPlMnKjHgFdSaQwErTyUiOp";
        string body = $$$"""{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key {{{key}}}"}}""";
        await using CannedReplyHost host = CannedReplyHost.Start(new CannedReply(401, "application/json", Encoding.UTF8.GetBytes(body)));
        using HttpClient http = ProviderHttpClient.Create();
        using AnthropicProvider provider = new("claude", host.BaseAddress, new ApiKeySource("ROUTER_TEST_KEY", key), http);

        ProviderException unauthorized = await Assert.ThrowsAsync<ProviderException>(() => DrainAsync(provider));
        host.Reply = host.Reply with { Status = 400 };
        ProviderException rejected = await Assert.ThrowsAsync<ProviderException>(() => DrainAsync(provider));

        Assert.Equal(ProviderErrorKind.Unauthorized, unauthorized.Kind);
        Assert.Contains("ROUTER_TEST_KEY", unauthorized.Message, StringComparison.Ordinal);
        Assert.Equal(ProviderErrorKind.BadRequest, rejected.Kind);
        foreach (ProviderException error in (ProviderException[])[unauthorized, rejected])
        {
            Assert.DoesNotContain(key[..20], error.ToString(), StringComparison.Ordinal);
        }
    }

    private static AnthropicProvider Provider(CannedReplyHost host) =>
        new("claude", host.BaseAddress, new ApiKeySource("ROUTER_TEST_KEY", "sk-ant-test"), ProviderHttpClient.Create());

    private static async Task DrainAsync(AnthropicProvider provider)
    {
        await foreach (ModelChunk _ in provider.StreamAsync(Chat, Deadline()))
        {
        }
    }

    private static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;
}

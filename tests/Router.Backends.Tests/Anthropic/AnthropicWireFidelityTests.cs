using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Router.Backends.Anthropic;
using Router.Backends.Providers;
using Router.Backends.Tests.Providers;

namespace Router.Backends.Tests.Anthropic;

/// <summary>The router's Anthropic client against the official TypeScript SDK: Fixtures/sdk-requests.json holds what
/// <c>@anthropic-ai/sdk</c> sent for the same two requests, and what it read from Fixtures/messages-stream.sse (a stream as
/// the Messages API documents it: cache counts, a thinking block, a ping, text with non-ASCII letters). Both files were made by
/// Fixtures/capture-sdk-requests.mjs, which says how to make them again.</summary>
public sealed class AnthropicWireFidelityTests
{
    private const string Key = "sk-ant-fixture-key";
    private const string Pixel = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

    private static readonly ChatMessage[] Conversation =
    [
        new(ChatRole.System, "Be brief."),
        new(ChatRole.User, [new DataContent(Convert.FromBase64String(Pixel), "image/png"), new TextContent("What does this diagram show?")]),
        new(ChatRole.Assistant, "A class and its dependencies."),
        new(ChatRole.User, "Explain dependency injection"),
    ];

    private static readonly ChatOptions Options = new()
    {
        ModelId = "claude-sonnet-4-5", MaxOutputTokens = 256, Temperature = 0.2f, StopSequences = ["\n\nHuman:"],
    };

    [Fact]
    public async Task A_streamed_chat_sends_the_body_the_official_sdk_sends()
    {
        await using CannedReplyHost host = CannedReplyHost.Start(Transcript());
        using RecordingHandler wire = new();
        using HttpClient http = new(wire, disposeHandler: false);
        using AnthropicProvider provider = new("claude", host.BaseAddress, new ApiKeySource("ROUTER_TEST_KEY", Key), http);

        await foreach (ChatResponseUpdate _ in provider.ChatClient.GetStreamingResponseAsync(Conversation, Options, Deadline()))
        {
        }

        AssertSentAsTheSdk(wire, Sdk()["streaming"]!);
    }

    [Fact]
    public async Task A_whole_answer_request_sends_the_body_the_official_sdk_sends()
    {
        const string answer = """{"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"Hi."}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":9,"output_tokens":3}}""";
        await using CannedReplyHost host = CannedReplyHost.Start(new CannedReply(200, "application/json", Encoding.UTF8.GetBytes(answer)));
        using RecordingHandler wire = new();
        using HttpClient http = new(wire, disposeHandler: false);
        using AnthropicProvider provider = new("claude", host.BaseAddress, new ApiKeySource("ROUTER_TEST_KEY", Key), http);

        ChatResponse response = await provider.ChatClient.GetResponseAsync(
            [new ChatMessage(ChatRole.User, "Say hi")], new ChatOptions { ModelId = "claude-sonnet-4-5", MaxOutputTokens = 64 }, Deadline());

        Assert.Equal("Hi.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(9, response.Usage?.InputTokenCount);
        Assert.Equal(3, response.Usage?.OutputTokenCount);
        AssertSentAsTheSdk(wire, Sdk()["whole"]!);
    }

    [Fact]
    public async Task The_documented_stream_reads_as_the_official_sdk_reads_it()
    {
        await using CannedReplyHost host = CannedReplyHost.Start(Transcript());
        using HttpClient http = ProviderHttpClient.Create();
        using AnthropicProvider provider = new("claude", host.BaseAddress, ApiKeySource.None, http);
        JsonNode read = Sdk()["sdkReadFromTranscript"]!;

        List<ModelChunk> chunks = [];
        await foreach (ModelChunk chunk in provider.StreamAsync(new ModelRequest("claude-sonnet-4-5") { Prompt = "Explain dependency injection" }, Deadline()))
        {
            chunks.Add(chunk);
        }

        // The thinking block and the ping are not answer text; the three text deltas are.
        Assert.Equal(3, chunks.Count(c => c.Text.Length > 0));
        Assert.Equal(read["text"]!.GetValue<string>(), string.Concat(chunks.Select(c => c.Text)));
        Assert.Equal("end_turn", read["stopReason"]!.GetValue<string>());
        Assert.Equal("stop", chunks[^1].DoneReason);
        Assert.Equal(read["outputTokens"]!.GetValue<int>(), chunks[^1].Usage?.OutputTokens);

        // input_tokens (472) leaves out the 2,048 read from the prompt cache: the model read both.
        Assert.Equal(472 + 2048, chunks[^1].Usage?.PromptTokens);
    }

    [Fact]
    public async Task Cache_reads_are_reported_apart_as_cached_input()
    {
        await using CannedReplyHost host = CannedReplyHost.Start(Transcript());
        using HttpClient http = ProviderHttpClient.Create();
        using AnthropicProvider provider = new("claude", host.BaseAddress, ApiKeySource.None, http);

        ChatResponse response = await provider.ChatClient.GetStreamingResponseAsync(
            [new ChatMessage(ChatRole.User, "Explain dependency injection")], new ChatOptions { ModelId = "claude-sonnet-4-5" }, Deadline()).ToChatResponseAsync();

        Assert.Equal(2048, response.Usage?.CachedInputTokenCount);
        Assert.Equal(2520, response.Usage?.InputTokenCount);
        Assert.Equal(2547, response.Usage?.TotalTokenCount);
        Assert.Equal("msg_01XFDUDYJgAACzvnptvVoYEL", response.ResponseId);
    }

    /// <summary>The body is the SDK's, field for field. Two headers differ on purpose: the key goes as x-api-key (the Messages API's
    /// own header, which Anthropic-shaped proxies expect; the SDK sends it as a bearer token), and the version is pinned to
    /// 2023-06-01, the one whose event shapes the client reads (the SDK names its newest).</summary>
    private static void AssertSentAsTheSdk(RecordingHandler wire, JsonNode sdk)
    {
        (string path, string body) = Assert.Single(wire.Sent);
        Dictionary<string, string> headers = Assert.Single(wire.SentHeaders);
        Assert.Equal(sdk["path"]!.GetValue<string>(), path);
        Assert.True(
            JsonNode.DeepEquals(sdk["body"], JsonNode.Parse(body)),
            $"sent:\n{body}\nthe SDK sent:\n{sdk["body"]!.ToJsonString()}");
        Assert.Equal(sdk["headers"]!["content-type"]!.GetValue<string>(), headers["content-type"]);
        Assert.Equal($"Bearer {Key}", sdk["headers"]!["authorization"]!.GetValue<string>());
        Assert.Equal(Key, headers["x-api-key"]);
        Assert.False(headers.ContainsKey("authorization"), "the key went out twice");
        Assert.Equal("2023-06-01", headers["anthropic-version"]);
    }

    private static CannedReply Transcript() =>
        new(200, "text/event-stream", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Anthropic", "Fixtures", "messages-stream.sse")));

    private static JsonNode Sdk() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Anthropic", "Fixtures", "sdk-requests.json")))!;

    private static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;
}

using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Router.Backends.Providers;
using Router.Emulator;

namespace Router.Backends.Tests.Providers;

/// <summary>The OpenAI and Anthropic chat paths as <see cref="IChatClient"/>s (Microsoft.Extensions.AI's adapter over the OpenAI
/// package, the router's own Anthropic client), against the emulator's /v1/chat/completions and /v1/messages over real HTTP.</summary>
public sealed class ChatClientContractTests
{
    public static TheoryData<string> Apis => new() { "openai", "anthropic" };

    private static readonly ChatMessage[] Conversation =
    [
        new(ChatRole.System, "Be brief."),
        new(ChatRole.User, "Explain dependency injection"),
    ];

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task Streams_text_then_reports_usage_and_the_finish_reason(string api)
    {
        await using ChatClientUnderTest under = await ChatClientUnderTest.StartAsync(api);
        (EmulatorServer host, IChatClient chat) = (under.Host!, under.Chat);

        List<ChatResponseUpdate> updates = [];
        await foreach (ChatResponseUpdate update in chat.GetStreamingResponseAsync(Conversation, new ChatOptions { ModelId = "qwen2.5:3b" }, Deadline()))
        {
            updates.Add(update);
        }

        int pieces = updates.Count(u => u.Text.Length > 0);
        Assert.True(pieces > 2, $"{pieces} pieces of text");
        ChatResponse folded = updates.ToChatResponse();
        Assert.Contains("dependency", folded.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ChatFinishReason.Stop, folded.FinishReason);
        Assert.True(folded.Usage?.InputTokenCount > 0);
        Assert.Equal(pieces, folded.Usage?.OutputTokenCount);
        EmulatorRequestRecord record = Assert.Single(host.Requests);
        Assert.Equal(EmulatorRequestOutcome.Completed, record.Outcome);
        Assert.Equal("Explain dependency injection", record.Prompt);
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task Temperature_max_tokens_and_stop_sequences_reach_the_wire(string api)
    {
        await using ChatClientUnderTest under = await ChatClientUnderTest.StartAsync(api);
        (EmulatorServer host, IChatClient chat) = (under.Host!, under.Chat);
        ChatOptions options = new() { ModelId = "qwen2.5:3b", Temperature = 0.25f, MaxOutputTokens = 5, StopSequences = ["\n\n"] };

        ChatResponse response = await chat.GetResponseAsync(Conversation, options, Deadline());

        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal(5, response.Usage?.OutputTokenCount);
        using JsonDocument body = JsonDocument.Parse(Assert.Single(under.Wire.Sent).Body);
        JsonElement sent = body.RootElement;
        Assert.Equal(0.25, sent.GetProperty("temperature").GetDouble(), 3);
        Assert.Equal(5, sent.GetProperty(api == "openai" ? "max_completion_tokens" : "max_tokens").GetInt32());
        Assert.Equal("\n\n", sent.GetProperty(api == "openai" ? "stop" : "stop_sequences")[0].GetString());
        Assert.Equal("qwen2.5:3b", sent.GetProperty("model").GetString());
        Assert.Contains("Be brief.", sent.GetProperty(api == "openai" ? "messages" : "system").GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task Failures_are_provider_errors_never_the_packages_own(string api)
    {
        await using ChatClientUnderTest under = await ChatClientUnderTest.StartAsync(api);
        (EmulatorServer host, IChatClient chat) = (under.Host!, under.Chat);

        ProviderException missing = await Assert.ThrowsAsync<ProviderException>(
            () => chat.GetResponseAsync(Conversation, new ChatOptions { ModelId = "no-such-model" }, Deadline()));
        host.SetFaults(new EmulatorFaultSet { ErrorStatus = 502, ErrorBody = "<html><title>502 Bad Gateway</title></html>" });
        ProviderException proxy = await Assert.ThrowsAsync<ProviderException>(
            () => chat.GetResponseAsync(Conversation, new ChatOptions { ModelId = "qwen2.5:3b" }, Deadline()));
        host.SetFaults(new EmulatorFaultSet { CutAfterChunks = 3 });
        ProviderException cut = await Assert.ThrowsAsync<ProviderException>(
            () => chat.GetResponseAsync(Conversation, new ChatOptions { ModelId = "qwen2.5:3b" }, Deadline()));

        Assert.Equal(ProviderErrorKind.ModelNotFound, missing.Kind);
        Assert.Contains("no-such-model", missing.Message, StringComparison.Ordinal);
        Assert.Equal(ProviderErrorKind.ServerError, proxy.Kind);
        Assert.Contains("502 Bad Gateway", proxy.Message, StringComparison.Ordinal);
        Assert.Equal(ProviderErrorKind.StreamCut, cut.Kind);
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task A_host_that_is_down_fails_Unreachable(string api)
    {
        await using ChatClientUnderTest under = ChatClientUnderTest.For(api, new Uri($"http://127.0.0.1:{ClosedPort()}"));
        IChatClient chat = under.Chat;

        ProviderException error = await Assert.ThrowsAsync<ProviderException>(
            () => chat.GetResponseAsync(Conversation, new ChatOptions { ModelId = "qwen2.5:3b" }, Deadline()));

        Assert.Equal(ProviderErrorKind.Unreachable, error.Kind);
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task Cancelling_mid_stream_closes_the_http_stream(string api)
    {
        await using ChatClientUnderTest under = await ChatClientUnderTest.StartAsync(api);
        (EmulatorServer host, IChatClient chat) = (under.Host!, under.Chat);
        host.SetFaults(new EmulatorFaultSet { StallAfterChunks = 2 });
        using CancellationTokenSource cancel = new();

        int received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ChatResponseUpdate update in chat.GetStreamingResponseAsync(Conversation, new ChatOptions { ModelId = "qwen2.5:3b" }, cancel.Token))
            {
                if (update.Text.Length > 0 && ++received == 2)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        EmulatorRequestRecord closed = await host.WaitForRequestAsync(r => r.Outcome == EmulatorRequestOutcome.ClientClosed, Deadline());
        Assert.Equal(api == "openai" ? "/v1/chat/completions" : "/v1/messages", closed.Endpoint);
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task A_request_without_a_model_is_refused_before_it_is_sent(string api)
    {
        await using ChatClientUnderTest under = await ChatClientUnderTest.StartAsync(api);
        (EmulatorServer host, IChatClient chat) = (under.Host!, under.Chat);

        await Assert.ThrowsAsync<ArgumentException>(() => chat.GetResponseAsync(Conversation, null, Deadline()));

        Assert.Empty(under.Wire.Sent);
    }

    private static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    private static int ClosedPort()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

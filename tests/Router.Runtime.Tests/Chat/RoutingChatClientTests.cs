using Microsoft.Extensions.AI;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Emulator;
using Router.Runtime.Chat;
using Router.Runtime.Dispatch;
using RoutingChatClient = Router.Runtime.Chat.RoutingChatClient;

namespace Router.Runtime.Tests.Chat;

/// <summary>The router embedded as a library through <see cref="RoutingChatClient"/>, against emulated hosts over real HTTP.</summary>
public sealed class RoutingChatClientTests
{
    private const string CodeQuestion = """
        Why does this throw a NullReferenceException?

        ```csharp
        public int Length(string? name) => name.Length;
        ```
        """;

    [Fact]
    public async Task A_plain_question_goes_to_quick_and_code_goes_to_the_code_tier_as_the_policy_decides_for_router_ask()
    {
        await using RoutedHosts hosts = await RoutedHosts.StartAsync();

        ChatResponse plain = await hosts.Client.GetResponseAsync("What is the capital of France?", cancellationToken: RoutedHosts.Deadline());
        ChatResponse code = await hosts.Client.GetResponseAsync(CodeQuestion, cancellationToken: RoutedHosts.Deadline());

        Assert.Equal("qwen2.5:3b", plain.ModelId);
        Assert.Equal("quick", plain.AdditionalProperties?[RoutingChatKeys.Tier]);
        Assert.Equal("laptop", plain.AdditionalProperties?[RoutingChatKeys.Endpoint]);
        Assert.Equal("qwen2.5-coder:14b", code.ModelId);
        Assert.Equal("gpu", code.AdditionalProperties?[RoutingChatKeys.Endpoint]);
        Assert.False(string.IsNullOrWhiteSpace(code.Text));

        // The same decision `router ask` makes for the prompt, reasons and all.
        RouteDecision expected = new RoutePolicy(hosts.Config).Decide(new RouteRequest("ask", RequestKind.Chat) { Text = CodeQuestion });
        RouteDecision decided = Assert.IsType<RoutedAnswer>(code.RawRepresentation).Decision;
        Assert.Equal(expected.Tier, decided.Tier);
        Assert.Equal(expected.Reasons, decided.Reasons);
        Assert.Equal(expected.Reasons, (string[])code.AdditionalProperties![RoutingChatKeys.Reasons]!);
        Assert.Single(Chats(hosts.Laptop));
        Assert.Single(Chats(hosts.Gpu));
    }

    [Fact]
    public async Task Streaming_yields_the_text_as_it_arrives_then_an_update_with_usage_finish_reason_and_the_route()
    {
        await using RoutedHosts hosts = await RoutedHosts.StartAsync();

        List<ChatResponseUpdate> updates = [];
        await foreach (ChatResponseUpdate update in hosts.Client.GetStreamingResponseAsync("Explain what a closure is.", cancellationToken: RoutedHosts.Deadline()))
        {
            updates.Add(update);
        }

        Assert.Equal("route", updates[0].AdditionalProperties?[RoutingChatKeys.Event]);
        List<ChatResponseUpdate> text = updates.Where(u => u.Text.Length > 0).ToList();
        Assert.True(text.Count > 2, $"{text.Count} text updates");
        ChatResponseUpdate last = updates[^1];
        RoutedAnswer answer = Assert.IsType<RoutedAnswer>(last.RawRepresentation);
        Assert.Equal(answer.Result.Text, string.Concat(text.Select(u => u.Text)));
        Assert.Equal(ChatFinishReason.Stop, last.FinishReason);
        Assert.Equal("qwen2.5:3b", last.ModelId);
        UsageContent usage = Assert.IsType<UsageContent>(Assert.Single(last.Contents));
        Assert.True(usage.Details.InputTokenCount > 0);
        Assert.Equal(text.Count, usage.Details.OutputTokenCount);

        // Folded the Microsoft.Extensions.AI way, the updates make the same answer.
        ChatResponse folded = updates.ToChatResponse();
        Assert.Equal(answer.Result.Text, folded.Text);
        Assert.Equal(usage.Details.OutputTokenCount, folded.Usage?.OutputTokenCount);
    }

    [Fact]
    public async Task A_host_that_is_down_is_passed_over_and_the_response_says_the_answer_fell_back()
    {
        await using RoutedHosts hosts = await RoutedHosts.StartAsync(quickHosts: "down, laptop");

        ChatResponse response = await hosts.Client.GetResponseAsync("What is the capital of France?", cancellationToken: RoutedHosts.Deadline());

        Assert.Equal("laptop", response.AdditionalProperties?[RoutingChatKeys.Endpoint]);
        Assert.Equal("down", response.AdditionalProperties?[RoutingChatKeys.DecidedEndpoint]);
        Assert.Equal(true, response.AdditionalProperties?[RoutingChatKeys.FellBack]);
        string[] attempts = (string[])response.AdditionalProperties![RoutingChatKeys.Attempts]!;
        Assert.Contains(attempts, a => a.Contains("on down", StringComparison.Ordinal) && a.Contains("failed", StringComparison.Ordinal));
        Assert.False(string.IsNullOrWhiteSpace(response.Text));
        Assert.Single(Chats(hosts.Laptop));
    }

    [Fact]
    public async Task A_secret_in_an_earlier_turn_keeps_the_whole_conversation_off_the_cloud_endpoint()
    {
        await using RoutedHosts hosts = await RoutedHosts.StartAsync(chatRoute: "frontier");
        string token = "ghp_" + string.Concat(Enumerable.Range(0, 36).Select(i => "a7Kq2Zx9Rb"[i * 7 % 10]));
        ChatMessage[] conversation =
        [
            new(ChatRole.User, $"Our deploy token is {token}, keep it in mind."),
            new(ChatRole.Assistant, "Noted."),
            new(ChatRole.User, "Now tell me about the weather."),
        ];

        ChatResponse response = await hosts.Client.GetResponseAsync(conversation, cancellationToken: RoutedHosts.Deadline());

        Assert.Equal(true, response.AdditionalProperties?[RoutingChatKeys.LocalOnly]);
        Assert.Equal("gpu", response.AdditionalProperties?[RoutingChatKeys.Endpoint]);
        Assert.Empty(hosts.Cloud.Requests);
        Assert.Equal("Now tell me about the weather.", Assert.Single(Chats(hosts.Gpu)).Prompt);

        // The same conversation without the secret does go to the cloud: the gate, not the setup, kept it local.
        conversation[0] = new ChatMessage(ChatRole.User, "Our deploy is on Fridays, keep it in mind.");
        ChatResponse open = await hosts.Client.GetResponseAsync(conversation, cancellationToken: RoutedHosts.Deadline());
        Assert.Equal("cloud", open.AdditionalProperties?[RoutingChatKeys.Endpoint]);
        Assert.Single(Chats(hosts.Cloud));
    }

    [Fact]
    public async Task Cloud_usage_is_priced_and_booked_in_the_spend_ledger()
    {
        await using RoutedHosts hosts = await RoutedHosts.StartAsync(chatRoute: "frontier");

        ChatResponse response = await hosts.Client.GetResponseAsync("Tell me about the weather.", cancellationToken: RoutedHosts.Deadline());

        Assert.Equal("cloud", response.AdditionalProperties?[RoutingChatKeys.Endpoint]);
        Assert.NotNull(response.Usage);
        Assert.True(response.Usage.InputTokenCount > 0);
        Assert.True(response.Usage.OutputTokenCount > 0);
        double expected = ((response.Usage.InputTokenCount!.Value * 3.0) + (response.Usage.OutputTokenCount!.Value * 15.0)) / 1_000_000;
        Assert.Equal(expected, (double)response.AdditionalProperties![RoutingChatKeys.CostUsd]!, 9);
        Assert.Equal(expected, hosts.SpentToday, 9);
        Assert.Equal("/v1/messages", Assert.Single(Chats(hosts.Cloud)).Endpoint);
    }

    [Fact]
    public async Task Cancelling_mid_stream_closes_the_model_stream_at_once()
    {
        await using RoutedHosts hosts = await RoutedHosts.StartAsync();
        hosts.Laptop.SetFaults(new EmulatorFaultSet { StallAfterChunks = 2 });
        using CancellationTokenSource cancel = new();

        int received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ChatResponseUpdate update in hosts.Client.GetStreamingResponseAsync("Explain what a closure is.", cancellationToken: cancel.Token))
            {
                if (update.Text.Length > 0 && ++received == 2)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        EmulatorRequestRecord closed = await hosts.Laptop.WaitForRequestAsync(r => r.Outcome == EmulatorRequestOutcome.ClientClosed, RoutedHosts.Deadline());
        Assert.Equal("/api/chat", closed.Endpoint);
    }

    [Fact]
    public async Task Leaving_the_stream_early_closes_the_model_stream_too()
    {
        await using RoutedHosts hosts = await RoutedHosts.StartAsync();
        hosts.Laptop.SetFaults(new EmulatorFaultSet { StallAfterChunks = 2 });

        await foreach (ChatResponseUpdate update in hosts.Client.GetStreamingResponseAsync("Explain what a closure is.", cancellationToken: RoutedHosts.Deadline()))
        {
            if (update.Text.Length > 0)
            {
                break;
            }
        }

        EmulatorRequestRecord closed = await hosts.Laptop.WaitForRequestAsync(r => r.Outcome == EmulatorRequestOutcome.ClientClosed, RoutedHosts.Deadline());
        Assert.Equal("/api/chat", closed.Endpoint);
    }

    [Fact]
    public async Task Every_host_down_fails_with_every_attempt_listed()
    {
        await using RoutedHosts hosts = await RoutedHosts.StartAsync(quickHosts: "down");

        DispatchFailedException error = await Assert.ThrowsAsync<DispatchFailedException>(
            () => hosts.Client.GetResponseAsync("What is the capital of France?", cancellationToken: RoutedHosts.Deadline()));

        Assert.Contains(error.Attempts, a => a.Endpoint == "down");
    }

    [Fact]
    public async Task Options_carry_the_kind_file_and_generation_limits()
    {
        await using RoutedHosts hosts = await RoutedHosts.StartAsync();
        ChatOptions options = new()
        {
            MaxOutputTokens = 3,
            AdditionalProperties = new AdditionalPropertiesDictionary { [RoutingChatKeys.Kind] = "refactor", [RoutingChatKeys.Language] = "csharp" },
        };

        ChatResponse response = await hosts.Client.GetResponseAsync(CodeQuestion, options, RoutedHosts.Deadline());

        Assert.Equal("heavy", response.AdditionalProperties?[RoutingChatKeys.DecidedTier]);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal(3, response.Usage?.OutputTokenCount);
    }

    [Fact]
    public async Task Content_the_router_cannot_send_is_refused_before_any_host_is_asked()
    {
        await using RoutedHosts hosts = await RoutedHosts.StartAsync();
        ChatMessage link = new(ChatRole.User, [new TextContent("What is in this picture?"), new UriContent(new Uri("https://example.com/cat.png"), "image/png")]);
        ChatMessage audio = new(ChatRole.User, [new TextContent("What is said here?"), new DataContent(new byte[] { 1, 2, 3 }, "audio/wav")]);

        await Assert.ThrowsAsync<NotSupportedException>(() => hosts.Client.GetResponseAsync([link], cancellationToken: RoutedHosts.Deadline()));
        await Assert.ThrowsAsync<NotSupportedException>(() => hosts.Client.GetResponseAsync([audio], cancellationToken: RoutedHosts.Deadline()));
        await Assert.ThrowsAsync<ArgumentException>(() => hosts.Client.GetResponseAsync(
            "hello", new ChatOptions { AdditionalProperties = new() { [RoutingChatKeys.Kind] = "poem" } }, RoutedHosts.Deadline()));
        Assert.Empty(Chats(hosts.Laptop));
    }

    /// <summary>The answers a host was asked for (the inventory's probes of tags, ps and show left out).</summary>
    private static List<EmulatorRequestRecord> Chats(EmulatorServer host) =>
        [.. host.Requests.Where(r => r.Endpoint is "/api/chat" or "/v1/messages" or "/v1/chat/completions")];
}

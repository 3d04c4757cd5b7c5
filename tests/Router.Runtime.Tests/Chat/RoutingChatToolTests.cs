using System.Text.Json;
using Microsoft.Extensions.AI;
using Router.Emulator;
using Router.Runtime.Chat;
using Router.Runtime.Dispatch;

namespace Router.Runtime.Tests.Chat;

/// <summary>Tools and images through <see cref="RoutingChatClient"/> as a library, against emulated Ollama hosts: the model's
/// tool calls come back as <see cref="FunctionCallContent"/>, the results go to it, images reach a vision model on a local
/// host, and tool text is scanned for secrets like any other text sent.</summary>
public sealed class RoutingChatToolTests
{
    private const string Secret = "AKIAQWERTYUIOPASDFGH";

    private static readonly AITool Weather = AIFunctionFactory.CreateDeclaration(
        "get_weather",
        "The weather in a city",
        JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""").RootElement);

    [Fact]
    public async Task A_tool_loop_calls_the_tool_then_answers_from_its_result()
    {
        await using RoutedHosts hosts = await RoutedHosts.StartAsync();
        List<ChatMessage> conversation = [new(ChatRole.User, "What is the weather in Paris?")];
        ChatOptions options = new() { Tools = [Weather] };

        ChatResponse asked = await hosts.Client.GetResponseAsync(conversation, options, RoutedHosts.Deadline());

        Assert.Equal(ChatFinishReason.ToolCalls, asked.FinishReason);
        FunctionCallContent call = Assert.Single(asked.Messages[^1].Contents.OfType<FunctionCallContent>());
        Assert.Equal("get_weather", call.Name);
        Assert.Equal("Paris", call.Arguments?["city"]?.ToString());
        Assert.False(string.IsNullOrEmpty(call.CallId));
        Assert.Equal("", asked.Text);
        Assert.Null(Assert.IsType<RoutedAnswer>(asked.RawRepresentation).Result.Escalation);

        conversation.AddRange(asked.Messages);
        conversation.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, "18 C and sunny")]));
        ChatResponse answered = await hosts.Client.GetResponseAsync(conversation, options, RoutedHosts.Deadline());

        Assert.Equal(ChatFinishReason.Stop, answered.FinishReason);
        Assert.Contains("18 C and sunny", answered.Text, StringComparison.Ordinal);
        Assert.Empty(answered.Messages[^1].Contents.OfType<FunctionCallContent>());
        Assert.All(Chats(hosts.Laptop), chat => Assert.Equal(1, chat.Tools));
        Assert.Equal(2, Chats(hosts.Laptop).Count);
    }

    [Fact]
    public async Task Streamed_tool_calls_come_once_before_the_last_update_which_ends_for_them()
    {
        await using RoutedHosts hosts = await RoutedHosts.StartAsync();

        List<ChatResponseUpdate> updates = [];
        await foreach (ChatResponseUpdate update in hosts.Client.GetStreamingResponseAsync(
            "What is the weather in Paris?", new ChatOptions { Tools = [Weather] }, RoutedHosts.Deadline()))
        {
            updates.Add(update);
        }

        ChatResponseUpdate withCalls = Assert.Single(updates, u => u.Contents.OfType<FunctionCallContent>().Any());
        Assert.Equal(DispatchEventKind.ToolCalls, Assert.IsType<DispatchEvent>(withCalls.RawRepresentation).Kind);
        Assert.Equal(ChatFinishReason.ToolCalls, updates[^1].FinishReason);
        Assert.True(updates.IndexOf(withCalls) < updates.Count - 1);
        FunctionCallContent folded = Assert.Single(updates.ToChatResponse().Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("Paris", folded.Arguments?["city"]?.ToString());
    }

    [Fact]
    public async Task An_image_reaches_the_vision_model_on_a_local_host_and_never_the_cloud()
    {
        await using RoutedHosts hosts = await RoutedHosts.StartAsync();
        ChatMessage picture = new(ChatRole.User, [new TextContent("What is in this picture?"), new DataContent(new byte[] { 137, 80, 78, 71 }, "image/png")]);

        ChatResponse response = await hosts.Client.GetResponseAsync([picture], cancellationToken: RoutedHosts.Deadline());

        Assert.Equal("granite3.2-vision:2b", response.ModelId);
        Assert.Equal("laptop", response.AdditionalProperties?[RoutingChatKeys.Endpoint]);
        Assert.Equal(true, response.AdditionalProperties?[RoutingChatKeys.LocalOnly]);
        Assert.Contains((string[])response.AdditionalProperties![RoutingChatKeys.Reasons]!, r => r.Contains("image", StringComparison.Ordinal));
        Assert.Equal(1, Assert.Single(Chats(hosts.Laptop)).Images);
        Assert.Empty(Chats(hosts.Cloud));
    }

    [Fact]
    public async Task A_secret_in_a_tool_result_a_tool_argument_or_a_tool_definition_makes_the_request_private()
    {
        await using RoutedHosts router = await RoutedHosts.StartAsync();
        ChatMessage question = new(ChatRole.User, "What is the weather in Paris?");
        static ChatMessage Called(string argument) => new(ChatRole.Assistant, [new FunctionCallContent("c1", "get_weather", new Dictionary<string, object?> { ["city"] = argument })]);
        static ChatMessage Result(string text) => new(ChatRole.Tool, [new FunctionResultContent("c1", text)]);
        ChatOptions tools = new() { Tools = [Weather] };
        AITool leaky = AIFunctionFactory.CreateDeclaration("deploy", $"Deploys with key {Secret}", JsonDocument.Parse("""{"type":"object"}""").RootElement);

        RoutedChat clean = router.Client.Route([question, Called("Paris"), Result("18 C and sunny")], tools);
        RoutedChat inResult = router.Client.Route([question, Called("Paris"), Result($"aws_access_key_id = {Secret}")], tools);
        RoutedChat inArgument = router.Client.Route([question, Called(Secret), Result("18 C and sunny")], tools);
        RoutedChat inDefinition = router.Client.Route([question], new ChatOptions { Tools = [leaky] });

        Assert.False(clean.Decision.LocalOnly);
        Assert.True(inResult.Decision.LocalOnly);
        Assert.True(inArgument.Decision.LocalOnly);
        Assert.True(inDefinition.Decision.LocalOnly);
        Assert.All([inResult, inArgument, inDefinition], chat => Assert.Equal("tools", chat.Decision.PrivateBecause?.Field));
    }

    private static List<EmulatorRequestRecord> Chats(EmulatorServer host) =>
        [.. host.Requests.Where(r => r.Endpoint is "/api/chat" or "/v1/messages" or "/v1/chat/completions")];
}

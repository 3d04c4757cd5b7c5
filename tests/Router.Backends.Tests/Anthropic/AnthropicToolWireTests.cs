using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Router.Backends.Anthropic;
using Router.Backends.Providers;
using Router.Backends.Tests.Providers;

namespace Router.Backends.Tests.Anthropic;

/// <summary>Tools through the router's Anthropic client, against the official TypeScript SDK: Fixtures/sdk-tool-requests.json
/// holds what <c>@anthropic-ai/sdk</c> sent for the two turns of a tool loop and what it read from Fixtures/tool-use-stream.sse
/// (text, then two tool_use blocks whose input arrives in pieces). Both were made by Fixtures/capture-sdk-tool-requests.mjs.</summary>
public sealed class AnthropicToolWireTests
{
    private const string Model = "claude-sonnet-4-5";
    private const string WeatherCall = "toolu_01T1x1fJ34qAmk2tNTrN7Up6";
    private const string TimeCall = "toolu_01Kq8mJ4hZ2cT7eWnQ3vYx9P";

    private static readonly AITool[] Tools =
    [
        AIFunctionFactory.CreateDeclaration("get_weather", "The weather at a place", JsonElement.Parse("""
            {"type":"object","properties":{"location":{"type":"string"},"unit":{"type":"string","enum":["celsius","fahrenheit"]}},"required":["location"]}
            """)),
        AIFunctionFactory.CreateDeclaration("get_time", null, JsonElement.Parse("""{"type":"object","properties":{}}""")),
    ];

    private static readonly ChatMessage Question = new(ChatRole.User, "Weather in Zürich?");

    [Fact]
    public async Task A_tool_loop_sends_tools_choice_calls_and_results_as_the_official_sdk_does()
    {
        await using CannedReplyHost host = CannedReplyHost.Start(Transcript());
        using RecordingHandler wire = new();
        using HttpClient http = new(wire, disposeHandler: false);
        using AnthropicProvider provider = new("claude", host.BaseAddress, new ApiKeySource("ROUTER_TEST_KEY", "sk-ant-fixture-key"), http);

        ChatResponse first = await provider.ChatClient.GetStreamingResponseAsync(
            [Question], new ChatOptions { ModelId = Model, MaxOutputTokens = 256, Tools = Tools, ToolMode = ChatToolMode.RequireAny }, Deadline())
            .ToChatResponseAsync();
        host.Reply = new CannedReply(200, "application/json", Encoding.UTF8.GetBytes(
            """{"id":"msg_02","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"It is 7 °C."}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":30,"output_tokens":8}}"""));
        ChatMessage[] loop =
        [
            Question,
            .. first.Messages,
            new(ChatRole.Tool, [new FunctionResultContent(WeatherCall, JsonElement.Parse("""{"temperature":7}"""))]),
            new(ChatRole.Tool, [new FunctionResultContent(TimeCall, "clock unavailable") { Exception = new TimeoutException("clock unavailable") }]),
        ];
        ChatResponse second = await provider.ChatClient.GetResponseAsync(
            loop, new ChatOptions { ModelId = Model, MaxOutputTokens = 256, Tools = Tools, ToolMode = ChatToolMode.RequireSpecific("get_weather") }, Deadline());

        Assert.Equal("It is 7 °C.", second.Text);
        (string, string)[] sent = [.. wire.Sent];
        Assert.Equal(2, sent.Length);
        AssertSameBody(Sdk()["streaming"]!["body"]!, sent[0].Item2);
        AssertSameBody(Sdk()["whole"]!["body"]!, sent[1].Item2);
    }

    [Fact]
    public async Task A_streamed_tool_use_is_read_as_the_official_sdk_reads_it()
    {
        await using CannedReplyHost host = CannedReplyHost.Start(Transcript());
        using AnthropicProvider provider = Provider(host);
        JsonNode read = Sdk()["sdkReadFromTranscript"]!;

        List<ChatResponseUpdate> updates = [];
        await foreach (ChatResponseUpdate update in provider.ChatClient.GetStreamingResponseAsync(
            [Question], new ChatOptions { ModelId = Model, Tools = Tools }, Deadline()))
        {
            updates.Add(update);
        }

        // Each call comes once and whole, when its block stops; the text streams before it.
        FunctionCallContent[] calls = [.. updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>()];
        Assert.Equal(2, calls.Length);
        Assert.Equal(read["content"]![0]!["text"]!.GetValue<string>(), string.Concat(updates.Select(u => u.Text)));
        for (int i = 0; i < calls.Length; i++)
        {
            JsonNode block = read["content"]![i + 1]!;
            Assert.Equal(block["id"]!.GetValue<string>(), calls[i].CallId);
            Assert.Equal(block["name"]!.GetValue<string>(), calls[i].Name);
            Assert.True(JsonNode.DeepEquals(block["input"], JsonNode.Parse(AnthropicToolInput.ToJson(calls[i].Arguments).GetRawText())), $"input of {calls[i].Name}");
        }

        Assert.Equal("tool_use", read["stopReason"]!.GetValue<string>());
        Assert.Equal(ChatFinishReason.ToolCalls, updates[^1].FinishReason);
        Assert.Equal(read["outputTokens"]!.GetValue<int>(), updates[^1].Contents.OfType<UsageContent>().Single().Details.OutputTokenCount);
    }

    [Fact]
    public async Task Through_the_provider_a_streamed_tool_use_ends_with_its_calls_and_done_reason_tool_calls()
    {
        await using CannedReplyHost host = CannedReplyHost.Start(Transcript());
        using RecordingHandler wire = new();
        using HttpClient http = new(wire, disposeHandler: false);
        using AnthropicProvider provider = new("claude", host.BaseAddress, ApiKeySource.None, http);
        ModelRequest request = new(Model)
        {
            Messages = [new ChatTurn("user", "Weather in Zürich?")],
            Options = new GenerationOptions { MaxTokens = 256 },
            Tools = Tools,
            ToolMode = ChatToolMode.RequireAny,
        };

        List<ModelChunk> chunks = [];
        await foreach (ModelChunk chunk in provider.StreamAsync(request, Deadline()))
        {
            chunks.Add(chunk);
        }

        Assert.Equal("Let me look up the weather in Zürich.", string.Concat(chunks.Select(c => c.Text)));
        Assert.Equal("tool_calls", chunks[^1].DoneReason);
        Assert.Equal(["get_weather", "get_time"], chunks[^1].ToolCalls.Select(c => c.Name));
        Assert.Equal("Zürich, CH", ((JsonElement)chunks[^1].ToolCalls[0].Arguments!["location"]!).GetString());
        AssertSameBody(Sdk()["streaming"]!["body"]!, Assert.Single(wire.Sent).Body);
    }

    [Fact]
    public async Task A_whole_answer_with_tool_use_blocks_gives_calls_in_order_and_finish_reason_tool_calls()
    {
        const string answer = """
            {"id":"msg_03","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[
              {"type":"text","text":"Checking."},
              {"type":"tool_use","id":"toolu_A","name":"get_weather","input":{"location":"Oslo","days":[1]}},
              {"type":"tool_use","id":"toolu_B","name":"get_time","input":{}}],
             "stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":20,"output_tokens":40}}
            """;
        await using CannedReplyHost host = CannedReplyHost.Start(new CannedReply(200, "application/json", Encoding.UTF8.GetBytes(answer)));
        using AnthropicProvider provider = Provider(host);

        ChatResponse response = await provider.ChatClient.GetResponseAsync([Question], new ChatOptions { ModelId = Model, Tools = Tools }, Deadline());

        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal("Checking.", response.Text);
        FunctionCallContent[] calls = [.. response.Messages.Single().Contents.OfType<FunctionCallContent>()];
        Assert.Equal(["toolu_A", "toolu_B"], calls.Select(c => c.CallId));
        Assert.Equal("Oslo", ((JsonElement)calls[0].Arguments!["location"]!).GetString());
        Assert.Equal(1, ((JsonElement)calls[0].Arguments!["days"]!)[0].GetInt32());
        Assert.Empty(calls[1].Arguments!);
    }

    [Fact]
    public async Task A_streamed_tool_input_that_is_not_a_json_object_fails_BadResponse()
    {
        string stream = Encoding.UTF8.GetString(Transcript().Body).Replace("sius\\\", \\\"days\\\": [1, 2]}", "sius", StringComparison.Ordinal);
        await using CannedReplyHost host = CannedReplyHost.Start(new CannedReply(200, "text/event-stream", Encoding.UTF8.GetBytes(stream)));
        using AnthropicProvider provider = Provider(host);

        ProviderException error = await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (ChatResponseUpdate _ in provider.ChatClient.GetStreamingResponseAsync([Question], new ChatOptions { ModelId = Model, Tools = Tools }, Deadline()))
            {
            }
        });

        Assert.Equal(ProviderErrorKind.BadResponse, error.Kind);
        Assert.Contains("tool_use", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tool_modes_become_tool_choice_and_none_is_sent_without_tools()
    {
        AnthropicMessagesRequest Of(ChatToolMode? mode, IList<AITool>? tools = null) =>
            AnthropicChatClient.Request([Question], new ChatOptions { ModelId = Model, Tools = tools ?? Tools, ToolMode = mode });

        Assert.Null(Of(null).ToolChoice);
        Assert.Equal(new AnthropicToolChoice("auto"), Of(ChatToolMode.Auto).ToolChoice);
        Assert.Equal(new AnthropicToolChoice("none"), Of(ChatToolMode.None).ToolChoice);
        Assert.Equal(new AnthropicToolChoice("any"), Of(ChatToolMode.RequireAny).ToolChoice);
        Assert.Equal(new AnthropicToolChoice("tool", "get_time"), Of(ChatToolMode.RequireSpecific("get_time")).ToolChoice);
        AnthropicMessagesRequest bare = Of(ChatToolMode.RequireAny, []);
        Assert.Null(bare.Tools);
        Assert.Null(bare.ToolChoice);
    }

    [Fact]
    public void One_call_at_a_time_is_sent_as_disable_parallel_tool_use_in_tool_choice()
    {
        AnthropicMessagesRequest Of(ChatToolMode? mode, bool? allowMultiple) =>
            AnthropicChatClient.Request([Question], new ChatOptions { ModelId = Model, Tools = Tools, ToolMode = mode, AllowMultipleToolCalls = allowMultiple });

        Assert.Equal(new AnthropicToolChoice("auto", null, true), Of(null, false).ToolChoice);
        Assert.Equal(new AnthropicToolChoice("any", null, true), Of(ChatToolMode.RequireAny, false).ToolChoice);
        Assert.Equal(new AnthropicToolChoice("auto"), Of(ChatToolMode.Auto, true).ToolChoice);
        Assert.Null(Of(null, true).ToolChoice);
        string wire = System.Text.Json.JsonSerializer.Serialize(Of(null, false), AnthropicJsonContext.Default.AnthropicMessagesRequest);
        Assert.Contains("\"tool_choice\":{\"type\":\"auto\",\"disable_parallel_tool_use\":true}", wire, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hosted_tools_and_non_image_files_are_refused_before_anything_is_sent()
    {
        await using CannedReplyHost host = CannedReplyHost.Start(new CannedReply(200, "application/json", []));
        using AnthropicProvider provider = Provider(host);
        ChatOptions hosted = new() { ModelId = Model, Tools = [new HostedWebSearchTool()] };
        ChatMessage audio = new(ChatRole.User, [new DataContent(new byte[] { 1, 2, 3 }, "audio/wav")]);

        await Assert.ThrowsAsync<NotSupportedException>(() => provider.ChatClient.GetResponseAsync([Question], hosted, Deadline()));
        await Assert.ThrowsAsync<NotSupportedException>(() => provider.ChatClient.GetResponseAsync([audio], new ChatOptions { ModelId = Model }, Deadline()));

        Assert.Equal(0, host.Requests);
    }

    private static void AssertSameBody(JsonNode sdk, string sent) =>
        Assert.True(JsonNode.DeepEquals(sdk, JsonNode.Parse(sent)), $"sent:\n{sent}\nthe SDK sent:\n{sdk.ToJsonString()}");

    private static AnthropicProvider Provider(CannedReplyHost host) =>
        new("claude", host.BaseAddress, new ApiKeySource("ROUTER_TEST_KEY", "sk-ant-test"), ProviderHttpClient.Create());

    private static CannedReply Transcript() =>
        new(200, "text/event-stream", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Anthropic", "Fixtures", "tool-use-stream.sse")));

    private static JsonNode Sdk() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Anthropic", "Fixtures", "sdk-tool-requests.json")))!;

    private static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;
}

using System.Text.Json;
using Microsoft.Extensions.AI;
using Router.Gateway.Wire;

namespace Router.Gateway.Tests.Wire;

/// <summary>Anthropic's /v1/messages shape, read and written: tools and tool_choice, the tool loop's tool_use and tool_result
/// blocks, base64 images, tool calls in whole and streamed answers, and a 400 naming the field for each malformed block.</summary>
public sealed class AnthropicMessagesWireTests
{
    private const string Tools = """
        "tools":[
          {"name":"get_weather","description":"The weather at a place","input_schema":{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]},"cache_control":{"type":"ephemeral"}},
          {"name":"get_time","input_schema":{"type":"object","properties":{}}}]
        """;

    private static readonly AnthropicMessagesDialect Dialect = new();

    [Fact]
    public void Tools_become_function_declarations_with_their_schemas()
    {
        GatewayAsk ask = Dialect.Read(WireRecorder.Json($$$"""{"model":"router/auto","max_tokens":64,{{{Tools}}},"messages":[{"role":"user","content":"Weather in Oslo?"}]}"""));

        AIFunctionDeclaration[] tools = [.. ask.Options.Tools!.Cast<AIFunctionDeclaration>()];
        Assert.Equal(["get_weather", "get_time"], tools.Select(t => t.Name));
        Assert.Equal("The weather at a place", tools[0].Description);
        Assert.Equal("location", tools[0].JsonSchema.GetProperty("required")[0].GetString());
        Assert.Equal("object", tools[1].JsonSchema.GetProperty("type").GetString());
        Assert.Null(ask.Options.ToolMode);
    }

    [Theory]
    [InlineData("""{"type":"auto"}""", "auto", null)]
    [InlineData("""{"type":"any"}""", "any", null)]
    [InlineData("""{"type":"none"}""", "none", null)]
    [InlineData("""{"type":"tool","name":"get_time"}""", "tool", "get_time")]
    public void Tool_choice_becomes_the_tool_mode(string choice, string mode, string? name)
    {
        GatewayAsk ask = Dialect.Read(WireRecorder.Json($$$"""{"model":"m",{{{Tools}}},"tool_choice":{{{choice}}},"messages":[{"role":"user","content":"hi"}]}"""));

        string read = ask.Options.ToolMode switch
        {
            AutoChatToolMode => "auto",
            NoneChatToolMode => "none",
            RequiredChatToolMode { RequiredFunctionName: null } => "any",
            RequiredChatToolMode => "tool",
            _ => "unset",
        };
        Assert.Equal(mode, read);
        Assert.Equal(name, (ask.Options.ToolMode as RequiredChatToolMode)?.RequiredFunctionName);
        Assert.Null(ask.Options.AllowMultipleToolCalls);
    }

    [Fact]
    public void Disabling_parallel_tool_use_allows_one_call()
    {
        GatewayAsk ask = Dialect.Read(WireRecorder.Json($$$"""{"model":"m",{{{Tools}}},"tool_choice":{"type":"auto","disable_parallel_tool_use":true},"messages":[{"role":"user","content":"hi"}]}"""));

        Assert.False(ask.Options.AllowMultipleToolCalls);
    }

    [Fact]
    public void A_tool_loop_reads_as_calls_then_a_tool_message_with_results_then_the_users_words()
    {
        GatewayAsk ask = Dialect.Read(WireRecorder.Json($$$"""
            {"model":"router/auto","max_tokens":64,{{{Tools}}},"messages":[
              {"role":"user","content":"Weather and time in Oslo?"},
              {"role":"assistant","content":[
                {"type":"thinking","thinking":"Two tools.","signature":"abc"},
                {"type":"text","text":"Checking."},
                {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"location":"Oslo","days":[1,2]}},
                {"type":"tool_use","id":"toolu_2","name":"get_time","input":{}}]},
              {"role":"user","content":[
                {"type":"tool_result","tool_use_id":"toolu_1","content":"{\"temperature\":7}"},
                {"type":"tool_result","tool_use_id":"toolu_2","content":[{"type":"text","text":"clock "},{"type":"text","text":"unavailable"}],"is_error":true},
                {"type":"text","text":"Be quick."}]}]}
            """));

        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.User], ask.Messages.Select(m => m.Role));
        ChatMessage assistant = ask.Messages[1];
        Assert.Equal("Checking.", assistant.Text);
        FunctionCallContent[] calls = [.. assistant.Contents.OfType<FunctionCallContent>()];
        Assert.Equal(["toolu_1", "toolu_2"], calls.Select(c => c.CallId));
        Assert.Equal(["get_weather", "get_time"], calls.Select(c => c.Name));
        Assert.Equal("Oslo", ((JsonElement)calls[0].Arguments!["location"]!).GetString());
        Assert.Equal(2, ((JsonElement)calls[0].Arguments!["days"]!).GetArrayLength());
        Assert.Empty(calls[1].Arguments!);
        Assert.DoesNotContain(assistant.Contents, c => c is TextReasoningContent);

        FunctionResultContent[] results = [.. ask.Messages[2].Contents.OfType<FunctionResultContent>()];
        Assert.Equal(["toolu_1", "toolu_2"], results.Select(r => r.CallId));
        Assert.Equal("{\"temperature\":7}", results[0].Result);
        Assert.Null(results[0].Exception);
        Assert.Equal("clock unavailable", results[1].Result);
        Assert.NotNull(results[1].Exception);
        Assert.Equal("Be quick.", ask.Messages[3].Text);
    }

    [Fact]
    public void A_base64_image_is_passed_as_its_bytes_and_media_type()
    {
        GatewayAsk ask = Dialect.Read(WireRecorder.Json($$$"""
            {"model":"router/auto","max_tokens":64,"messages":[{"role":"user","content":[
              {"type":"image","source":{"type":"base64","media_type":"image/png","data":"{{{Images.Png}}}"}},
              {"type":"text","text":"What is this?"}]}]}
            """));

        ChatMessage user = Assert.Single(ask.Messages);
        DataContent image = Assert.Single(user.Contents.OfType<DataContent>());
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal(Convert.FromBase64String(Images.Png), image.Data.ToArray());
        Assert.Equal("What is this?", user.Text);
    }

    [Fact]
    public void An_image_inside_a_tool_result_goes_on_with_the_turn()
    {
        GatewayAsk ask = Dialect.Read(WireRecorder.Json($$$"""
            {"model":"m","messages":[
              {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"screenshot","input":{}}]},
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":[
                {"type":"text","text":"taken"},
                {"type":"image","source":{"type":"base64","media_type":"image/gif","data":"{{{Images.Gif}}}"}}]}]}]}
            """));

        Assert.Equal([ChatRole.Assistant, ChatRole.Tool, ChatRole.User], ask.Messages.Select(m => m.Role));
        Assert.Equal("taken", Assert.Single(ask.Messages[1].Contents.OfType<FunctionResultContent>()).Result);
        Assert.Equal("image/gif", Assert.Single(ask.Messages[2].Contents.OfType<DataContent>()).MediaType);
    }

    public static TheoryData<string, string> Malformed() => new()
    {
        { """{"tools":[{"description":"x","input_schema":{"type":"object"}}],"messages":[{"role":"user","content":"x"}]}""", "tools[0].name" },
        { """{"tools":[{"name":"f"}],"messages":[{"role":"user","content":"x"}]}""", "tools[0].input_schema" },
        { """{"tools":[{"name":"f","input_schema":"object"}],"messages":[{"role":"user","content":"x"}]}""", "tools[0].input_schema" },
        { """{"tools":[{"type":"web_search_20250305","name":"web_search"}],"messages":[{"role":"user","content":"x"}]}""", "tools[0].type" },
        { """{"tools":{"name":"f"},"messages":[{"role":"user","content":"x"}]}""", "tools" },
        { """{"tools":[{"name":"f","input_schema":{}}],"tool_choice":{"type":"tool","name":"g"},"messages":[{"role":"user","content":"x"}]}""", "tool_choice.name" },
        { """{"tools":[{"name":"f","input_schema":{}}],"tool_choice":{"type":"tool"},"messages":[{"role":"user","content":"x"}]}""", "tool_choice.name" },
        { """{"tool_choice":{"type":"sometimes"},"messages":[{"role":"user","content":"x"}]}""", "tool_choice.type" },
        { """{"tool_choice":"auto","messages":[{"role":"user","content":"x"}]}""", "tool_choice" },
        { """{"messages":[{"role":"user","content":[{"type":"tool_use","id":"t","name":"f","input":{}}]}]}""", "messages[0].content[0]" },
        { """{"messages":[{"role":"assistant","content":[{"type":"tool_result","tool_use_id":"t"}]}]}""", "messages[0].content[0]" },
        { """{"messages":[{"role":"assistant","content":[{"type":"tool_use","name":"f","input":{}}]}]}""", "messages[0].content[0].id" },
        { """{"messages":[{"role":"assistant","content":[{"type":"tool_use","id":"t","input":{}}]}]}""", "messages[0].content[0].name" },
        { """{"messages":[{"role":"assistant","content":[{"type":"tool_use","id":"t","name":"f","input":"x=1"}]}]}""", "messages[0].content[0].input" },
        { """{"messages":[{"role":"user","content":[{"type":"tool_result","content":"x"}]}]}""", "messages[0].content[0].tool_use_id" },
        { """{"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":5}]}]}""", "messages[0].content[0].content" },
        { """{"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":[{"type":"document"}]}]}]}""", "messages[0].content[0].content[0].type" },
        { """{"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","is_error":"yes"}]}]}""", "messages[0].content[0].is_error" },
        { """{"messages":[{"role":"user","content":[{"type":"image","source":{"type":"url","url":"https://example.com/a.png"}}]}]}""", "messages[0].content[0].source.type" },
        { """{"messages":[{"role":"user","content":[{"type":"image"}]}]}""", "messages[0].content[0].source" },
        { """{"messages":[{"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/bmp","data":"Qk0="}}]}]}""", "messages[0].content[0].source.media_type" },
        { """{"messages":[{"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/png","data":"not base64!"}}]}]}""", "messages[0].content[0].source.data" },
        { """{"messages":[{"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/png"}}]}]}""", "messages[0].content[0].source.data" },
        { """{"messages":[{"role":"user","content":[{"type":"document","source":{"type":"text","data":"x"}}]}]}""", "messages[0].content[0]" },
        { """{"messages":[{"role":"user","content":[{"text":"no type"}]}]}""", "messages[0].content[0].type" },
        { """{"messages":[{"role":"user","content":["bare string"]}]}""", "messages[0].content[0]" },
        { """{"messages":[{"role":"tool","content":"x"}]}""", "messages[0].role" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_tool_or_image_block_is_a_400_naming_the_field(string body, string field) =>
        WireRecorder.AssertRefused(Dialect, body, field);

    [Fact]
    public void A_whole_answer_with_tool_calls_has_tool_use_blocks_and_stop_reason_tool_use()
    {
        AnswerTail tail = new("stop", 20, 30) { ToolCalls = [Weather(), new FunctionCallContent("toolu_2", "get_time")] };

        JsonElement message = WireRecorder.Whole(Dialect, tail, "Checking.");

        JsonElement content = message.GetProperty("content");
        Assert.Equal(["text", "tool_use", "tool_use"], content.EnumerateArray().Select(b => b.GetProperty("type").GetString()));
        Assert.Equal("toolu_1", content[1].GetProperty("id").GetString());
        Assert.Equal("get_weather", content[1].GetProperty("name").GetString());
        Assert.Equal("Oslo", content[1].GetProperty("input").GetProperty("location").GetString());
        Assert.Equal(3, content[1].GetProperty("input").GetProperty("days").GetInt32());
        Assert.Equal(JsonValueKind.Object, content[2].GetProperty("input").ValueKind);
        Assert.Equal("tool_use", message.GetProperty("stop_reason").GetString());
    }

    [Fact]
    public void A_whole_answer_of_only_tool_calls_has_no_empty_text_block()
    {
        JsonElement message = WireRecorder.Whole(Dialect, new AnswerTail("stop", 1, 1) { ToolCalls = [Weather()] });

        Assert.Equal("tool_use", Assert.Single(message.GetProperty("content").EnumerateArray()).GetProperty("type").GetString());
    }

    [Fact]
    public void A_text_answer_is_unchanged_one_text_block_and_end_turn_or_max_tokens()
    {
        JsonElement ended = WireRecorder.Whole(Dialect, new AnswerTail("stop", 1, 1), "Hi.");
        JsonElement cut = WireRecorder.Whole(Dialect, new AnswerTail("length", 1, 1), "");

        Assert.Equal("Hi.", Assert.Single(ended.GetProperty("content").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal("end_turn", ended.GetProperty("stop_reason").GetString());
        Assert.Equal("", Assert.Single(cut.GetProperty("content").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal("max_tokens", cut.GetProperty("stop_reason").GetString());
    }

    [Fact]
    public async Task A_streamed_answer_sends_each_tool_call_as_a_tool_use_block_with_its_input_as_json_deltas()
    {
        string body = await WireRecorder.StreamAsync(Dialect, Ask(), async stream =>
        {
            await stream.StartAsync(default);
            await stream.TextAsync("Check", default);
            await stream.TextAsync("ing.", default);
            await stream.ToolCallsAsync([Weather(), new FunctionCallContent("", "get_time")], default);
            await stream.EndAsync(new AnswerTail("stop", 5, 9), default);
        });

        List<(string? Event, string Data)> events = ServerSentEvents.Parse(body);
        Assert.All(events, e => Assert.Equal(e.Event, JsonDocument.Parse(e.Data).RootElement.GetProperty("type").GetString()));
        Assert.Equal(
            ["message_start", "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
             "content_block_start", "content_block_delta", "content_block_stop",
             "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop"],
            events.Select(e => e.Event));
        JsonElement[] data = [.. events.Select(e => JsonDocument.Parse(e.Data).RootElement)];
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 2, 2, 2], data[1..11].Select(d => d.GetProperty("index").GetInt32()));
        JsonElement toolUse = data[5].GetProperty("content_block");
        Assert.Equal("tool_use", toolUse.GetProperty("type").GetString());
        Assert.Equal("toolu_1", toolUse.GetProperty("id").GetString());
        Assert.Equal("get_weather", toolUse.GetProperty("name").GetString());
        Assert.Equal("input_json_delta", data[6].GetProperty("delta").GetProperty("type").GetString());
        JsonElement input = JsonDocument.Parse(data[6].GetProperty("delta").GetProperty("partial_json").GetString()!).RootElement;
        Assert.Equal("Oslo", input.GetProperty("location").GetString());
        Assert.Equal("call_1", data[8].GetProperty("content_block").GetProperty("id").GetString());
        Assert.Equal("{}", data[9].GetProperty("delta").GetProperty("partial_json").GetString());
        Assert.Equal("tool_use", data[11].GetProperty("delta").GetProperty("stop_reason").GetString());
    }

    [Fact]
    public async Task A_stream_of_only_tool_calls_starts_with_the_tool_use_block()
    {
        string body = await WireRecorder.StreamAsync(Dialect, Ask(), async stream =>
        {
            await stream.StartAsync(default);
            await stream.ToolCallsAsync([Weather()], default);
            await stream.EndAsync(new AnswerTail("stop", 5, 9), default);
        });

        List<(string? Event, string Data)> events = ServerSentEvents.Parse(body);
        Assert.Equal(["message_start", "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop"], events.Select(e => e.Event));
        Assert.Equal(0, JsonDocument.Parse(events[1].Data).RootElement.GetProperty("index").GetInt32());
        Assert.Equal("tool_use", JsonDocument.Parse(events[1].Data).RootElement.GetProperty("content_block").GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_empty_streamed_answer_still_has_its_empty_text_block()
    {
        string body = await WireRecorder.StreamAsync(Dialect, Ask(), async stream =>
        {
            await stream.StartAsync(default);
            await stream.EndAsync(new AnswerTail("stop", 5, 0), default);
        });

        List<(string? Event, string Data)> events = ServerSentEvents.Parse(body);
        Assert.Equal(["message_start", "content_block_start", "content_block_stop", "message_delta", "message_stop"], events.Select(e => e.Event));
        Assert.Equal("end_turn", JsonDocument.Parse(events[3].Data).RootElement.GetProperty("delta").GetProperty("stop_reason").GetString());
    }

    private static FunctionCallContent Weather() =>
        new("toolu_1", "get_weather", new Dictionary<string, object?> { ["location"] = "Oslo", ["days"] = 3 });

    private static GatewayAsk Ask() => Dialect.Read(WireRecorder.Json("""{"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]}"""));
}

using System.Text.Json;
using Microsoft.Extensions.AI;
using Router.Gateway.Wire;

namespace Router.Gateway.Tests.Wire;

/// <summary>Ollama's /api/chat and /api/generate shapes, read and written: tools, images (their media type read from their
/// bytes), the tool loop's tool_calls and tool messages, tool calls in whole and streamed answers, and a 400 naming the field
/// for each malformed part.</summary>
public sealed class OllamaWireTests
{
    private const string Tools = """
        "tools":[
          {"type":"function","function":{"name":"get_weather","description":"The weather at a place","parameters":{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}}},
          {"type":"function","function":{"name":"get_time"}}]
        """;

    private static readonly OllamaChatDialect Chat = new();
    private static readonly OllamaGenerateDialect Generate = new();

    [Fact]
    public void Tools_become_function_declarations_and_one_without_parameters_takes_none()
    {
        GatewayAsk ask = Chat.Read(WireRecorder.Json($$$"""{"model":"router/auto",{{{Tools}}},"messages":[{"role":"user","content":"Weather in Oslo?"}]}"""));

        AIFunctionDeclaration[] tools = [.. ask.Options.Tools!.Cast<AIFunctionDeclaration>()];
        Assert.Equal(["get_weather", "get_time"], tools.Select(t => t.Name));
        Assert.Equal("The weather at a place", tools[0].Description);
        Assert.Equal("location", tools[0].JsonSchema.GetProperty("required")[0].GetString());
        Assert.Equal("object", tools[1].JsonSchema.GetProperty("type").GetString());
        Assert.True(ask.Stream);
    }

    [Theory]
    [InlineData(Images.Png, "image/png")]
    [InlineData(Images.Jpeg, "image/jpeg")]
    [InlineData(Images.Gif, "image/gif")]
    [InlineData(Images.Webp, "image/webp")]
    public void An_image_is_passed_with_the_media_type_its_bytes_say(string image, string mediaType)
    {
        GatewayAsk ask = Chat.Read(WireRecorder.Json($$$"""{"model":"llava","messages":[{"role":"user","content":"What is this?","images":["{{{image}}}"]}]}"""));
        GatewayAsk dataUrl = Chat.Read(WireRecorder.Json($$$"""{"model":"llava","messages":[{"role":"user","content":"What is this?","images":["data:{{{mediaType}}};base64,{{{image}}}"]}]}"""));

        ChatMessage user = Assert.Single(ask.Messages);
        Assert.Equal("What is this?", user.Text);
        DataContent read = Assert.Single(user.Contents.OfType<DataContent>());
        Assert.Equal(mediaType, read.MediaType);
        Assert.Equal(Convert.FromBase64String(image), read.Data.ToArray());
        Assert.Equal(read.Data.ToArray(), Assert.Single(dataUrl.Messages[0].Contents.OfType<DataContent>()).Data.ToArray());
    }

    [Fact]
    public void A_tool_loop_pairs_each_result_with_its_call_by_tool_name_or_order()
    {
        GatewayAsk ask = Chat.Read(WireRecorder.Json($$$$"""
            {"model":"router/auto",{{{{Tools}}}},"messages":[
              {"role":"user","content":"Weather and time in Oslo?"},
              {"role":"assistant","content":"","tool_calls":[
                {"function":{"name":"get_weather","arguments":{"location":"Oslo"}}},
                {"function":{"name":"get_time","arguments":{}}},
                {"function":{"name":"get_weather","arguments":"{\"location\":\"Bergen\"}"}}]},
              {"role":"tool","tool_name":"get_time","content":"12:00"},
              {"role":"tool","content":"7 degrees"},
              {"role":"tool","tool_name":"get_weather","content":"9 degrees"}]}
            """));

        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.Tool, ChatRole.Tool], ask.Messages.Select(m => m.Role));
        FunctionCallContent[] calls = [.. ask.Messages[1].Contents.OfType<FunctionCallContent>()];
        Assert.Equal(["call_1_0", "call_1_1", "call_1_2"], calls.Select(c => c.CallId));
        Assert.Equal("Bergen", ((JsonElement)calls[2].Arguments!["location"]!).GetString());
        Assert.DoesNotContain(ask.Messages[1].Contents, c => c is TextContent);
        FunctionResultContent[] results = [.. ask.Messages.Skip(2).Select(m => Assert.IsType<FunctionResultContent>(Assert.Single(m.Contents)))];
        Assert.Equal(["call_1_1", "call_1_0", "call_1_2"], results.Select(r => r.CallId));
        Assert.Equal(["12:00", "7 degrees", "9 degrees"], results.Select(r => r.Result));
    }

    [Fact]
    public void Call_ids_a_client_sends_are_kept_and_a_result_naming_one_answers_it()
    {
        GatewayAsk ask = Chat.Read(WireRecorder.Json("""
            {"model":"m","messages":[
              {"role":"assistant","content":"","tool_calls":[{"id":"call_a","function":{"name":"f","arguments":{}}},{"id":"call_b","function":{"name":"f","arguments":{}}}]},
              {"role":"tool","tool_call_id":"call_b","content":"second"}]}
            """));

        Assert.Equal("call_b", Assert.IsType<FunctionResultContent>(Assert.Single(ask.Messages[1].Contents)).CallId);
    }

    public static TheoryData<string, string> Malformed() => new()
    {
        { """{"tools":[{"type":"function"}],"messages":[{"role":"user","content":"x"}]}""", "tools[0].function" },
        { """{"tools":[{"type":"function","function":{"description":"d"}}],"messages":[{"role":"user","content":"x"}]}""", "tools[0].function.name" },
        { """{"tools":[{"type":"function","function":{"name":"f","parameters":"none"}}],"messages":[{"role":"user","content":"x"}]}""", "tools[0].function.parameters" },
        { """{"tools":[{"type":"retrieval","function":{"name":"f"}}],"messages":[{"role":"user","content":"x"}]}""", "tools[0].type" },
        { """{"tools":"f","messages":[{"role":"user","content":"x"}]}""", "tools" },
        { """{"messages":[{"role":"user","content":"x","images":["SGVsbG8sIHdvcmxk","%%%"]}]}""", "messages[0].images[0]" },
        { """{"messages":[{"role":"user","content":"x","images":["%%%"]}]}""", "messages[0].images[0]" },
        { """{"messages":[{"role":"user","content":"x","images":[7]}]}""", "messages[0].images[0]" },
        { """{"messages":[{"role":"user","content":"x","images":"abc"}]}""", "messages[0].images" },
        { """{"messages":[{"role":"assistant","content":"x","images":["abc"]}]}""", "messages[0].images" },
        { """{"messages":[{"role":"assistant","content":"","tool_calls":[{"name":"f"}]}]}""", "messages[0].tool_calls[0].function" },
        { """{"messages":[{"role":"assistant","content":"","tool_calls":[{"function":{"arguments":{}}}]}]}""", "messages[0].tool_calls[0].function.name" },
        { """{"messages":[{"role":"assistant","content":"","tool_calls":[{"function":{"name":"f","arguments":[1]}}]}]}""", "messages[0].tool_calls[0].function.arguments" },
        { """{"messages":[{"role":"assistant","content":"","tool_calls":[{"function":{"name":"f","arguments":"{oops"}}]}]}""", "messages[0].tool_calls[0].function.arguments" },
        { """{"messages":[{"role":"tool","content":"7 degrees"}]}""", "messages[0]" },
        { """{"messages":[{"role":"assistant","content":"","tool_calls":[{"function":{"name":"f","arguments":{}}}]},{"role":"tool","tool_name":"g","content":"x"}]}""", "messages[1]" },
        { """{"messages":[{"role":"wizard","content":"x"}]}""", "messages[0].role" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_tool_or_image_is_a_400_naming_the_field(string body, string field) =>
        WireRecorder.AssertRefused(Chat, body, field);

    [Fact]
    public void A_whole_answer_carries_its_tool_calls_in_the_message()
    {
        AnswerTail tail = new("stop", 20, 30) { ToolCalls = [Weather(), new FunctionCallContent("", "get_time")] };

        JsonElement answer = WireRecorder.Whole(Chat, tail);

        JsonElement[] calls = [.. answer.GetProperty("message").GetProperty("tool_calls").EnumerateArray()];
        Assert.Equal(["call_9", "call_1"], calls.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("get_weather", calls[0].GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("Oslo", calls[0].GetProperty("function").GetProperty("arguments").GetProperty("location").GetString());
        Assert.Equal(JsonValueKind.Object, calls[1].GetProperty("function").GetProperty("arguments").ValueKind);
        Assert.Equal("", answer.GetProperty("message").GetProperty("content").GetString());
        Assert.True(answer.GetProperty("done").GetBoolean());
    }

    [Fact]
    public void A_text_answer_has_no_tool_calls_field()
    {
        JsonElement answer = WireRecorder.Whole(Chat, new AnswerTail("stop", 1, 1), "Hi.");

        Assert.False(answer.GetProperty("message").TryGetProperty("tool_calls", out _));
    }

    [Fact]
    public async Task A_stream_sends_its_tool_calls_in_a_line_of_their_own_before_the_done_line()
    {
        string body = await WireRecorder.StreamAsync(Chat, Chat.Read(WireRecorder.Json("""{"model":"m","messages":[{"role":"user","content":"hi"}]}""")), async stream =>
        {
            await stream.StartAsync(default);
            await stream.TextAsync("Checking.", default);
            await stream.ToolCallsAsync([Weather()], default);
            await stream.EndAsync(new AnswerTail("stop", 5, 9), default);
        });

        JsonElement[] lines = [.. body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
        Assert.Equal(3, lines.Length);
        Assert.False(lines[0].GetProperty("message").TryGetProperty("tool_calls", out _));
        Assert.False(lines[1].GetProperty("done").GetBoolean());
        JsonElement call = Assert.Single(lines[1].GetProperty("message").GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("get_weather", call.GetProperty("function").GetProperty("name").GetString());
        Assert.True(lines[2].GetProperty("done").GetBoolean());
        Assert.False(lines[2].GetProperty("message").TryGetProperty("tool_calls", out _));
    }

    [Fact]
    public void Generate_passes_its_images_with_the_prompt()
    {
        GatewayAsk ask = Generate.Read(WireRecorder.Json($$$"""{"model":"llava","prompt":"Describe it","images":["{{{Images.Jpeg}}}","{{{Images.Png}}}"]}"""));

        ChatMessage user = Assert.Single(ask.Messages);
        Assert.Equal("Describe it", user.Text);
        Assert.Equal(["image/jpeg", "image/png"], user.Contents.OfType<DataContent>().Select(d => d.MediaType));
    }

    [Theory]
    [InlineData("""{"prompt":"x","images":["SGVsbG8sIHdvcmxk"]}""", "images[0]")]
    [InlineData("""{"prompt":"x","images":[false]}""", "images[0]")]
    [InlineData("""{"prompt":"x","images":{"a":1}}""", "images")]
    public void Generate_refuses_images_that_are_not_images_naming_the_field(string body, string field) =>
        WireRecorder.AssertRefused(Generate, body, field);

    private static FunctionCallContent Weather() =>
        new("call_9", "get_weather", new Dictionary<string, object?> { ["location"] = JsonElement.Parse("\"Oslo\"") });
}

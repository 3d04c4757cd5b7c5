using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Router.Gateway.Wire;

namespace Router.Gateway.Tests;

/// <summary>Tools and images through OpenAI's <c>/v1/chat/completions</c>: read from the wire, passed to the model, and the
/// model's tool calls written back whole and streamed as OpenAI's clients read them.</summary>
public sealed class OpenAiToolTests
{
    private const string Tools = """
        "tools":[{"type":"function","function":{"name":"get_weather","description":"The weather in a city",
          "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]
        """;

    private const string Png = "data:image/png;base64,iVBORw0KGgo=";

    private static readonly OpenAiChatDialect Dialect = new();

    [Fact]
    public void Tools_tool_choice_tool_calls_tool_results_and_images_are_read_into_the_conversation()
    {
        GatewayAsk ask = Read($$$"""
            {"model":"router/auto",{{{Tools}}},"tool_choice":{"type":"function","function":{"name":"get_weather"}},"messages":[
              {"role":"user","content":[{"type":"text","text":"Weather where this was taken?"},{"type":"image_url","image_url":{"url":"{{{Png}}}"}}]},
              {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},
              {"role":"tool","tool_call_id":"call_1","content":"18 C and sunny"}]}
            """);

        AIFunctionDeclaration tool = Assert.IsAssignableFrom<AIFunctionDeclaration>(Assert.Single(ask.Options.Tools!));
        Assert.Equal(("get_weather", "The weather in a city"), (tool.Name, tool.Description));
        Assert.Equal("city", tool.JsonSchema.GetProperty("required")[0].GetString());
        Assert.Equal("get_weather", Assert.IsType<RequiredChatToolMode>(ask.Options.ToolMode).RequiredFunctionName);

        Assert.Equal("Weather where this was taken?", ask.Messages[0].Text);
        DataContent image = Assert.Single(ask.Messages[0].Contents.OfType<DataContent>());
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal(Convert.FromBase64String("iVBORw0KGgo="), image.Data.ToArray());

        FunctionCallContent call = Assert.IsType<FunctionCallContent>(Assert.Single(ask.Messages[1].Contents));
        Assert.Equal(("call_1", "get_weather", "Paris"), (call.CallId, call.Name, call.Arguments?["city"]?.ToString()));
        Assert.Equal(ChatRole.Tool, ask.Messages[2].Role);
        FunctionResultContent result = Assert.IsType<FunctionResultContent>(Assert.Single(ask.Messages[2].Contents));
        Assert.Equal(("call_1", "18 C and sunny"), (result.CallId, result.Result));
    }

    [Theory]
    [InlineData(",\"parallel_tool_calls\":false", false)]
    [InlineData(",\"parallel_tool_calls\":true", true)]
    [InlineData("", null)]
    public void Parallel_tool_calls_is_read_as_whether_the_model_may_call_several_tools_at_once(string field, bool? allowed)
    {
        GatewayAsk ask = Read($$"""{{{Tools}}{{field}},"messages":[{"role":"user","content":"hi"}]}""");

        Assert.Equal(allowed, ask.Options.AllowMultipleToolCalls);
    }

    [Theory]
    [InlineData("\"auto\"", "auto")]
    [InlineData("\"none\"", "none")]
    [InlineData("\"required\"", "required")]
    public void Tool_choice_words_are_the_tool_modes(string choice, string mode)
    {
        GatewayAsk ask = Read($$"""{{{Tools}},"tool_choice":{{choice}},"messages":[{"role":"user","content":"hi"}]}""");

        ChatToolMode expected = mode switch { "auto" => ChatToolMode.Auto, "none" => ChatToolMode.None, _ => ChatToolMode.RequireAny };
        Assert.Equal(expected, ask.Options.ToolMode);
    }

    [Theory]
    [InlineData("""{"messages":[{"role":"user","content":"a"},{"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{not json"}}]}]}""", "messages[1].tool_calls[0].function.arguments")]
    [InlineData("""{"messages":[{"role":"user","content":"a"},{"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"[1]"}}]}]}""", "messages[1].tool_calls[0].function.arguments")]
    [InlineData("""{"messages":[{"role":"user","content":"a"},{"role":"assistant","tool_calls":[{"type":"function","function":{"name":"f"}}]}]}""", "messages[1].tool_calls[0].id")]
    [InlineData("""{"messages":[{"role":"user","content":"a"},{"role":"tool","content":"r"}]}""", "messages[1].tool_call_id")]
    [InlineData("""{"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/png;base64,@@@"}}]}]}""", "messages[0].content[0].image_url.url")]
    [InlineData("""{"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:text/plain;base64,aGk="}}]}]}""", "messages[0].content[0].image_url.url")]
    [InlineData("""{"messages":[{"role":"user","content":[{"type":"input_audio","input_audio":{}}]}]}""", "messages[0].content[0]")]
    [InlineData("""{"tools":[{"type":"function","function":{"description":"no name"}}],"messages":[{"role":"user","content":"a"}]}""", "tools[0].function.name")]
    [InlineData("""{"tools":[{"type":"function","function":{"name":"f","parameters":"x"}}],"messages":[{"role":"user","content":"a"}]}""", "tools[0].function.parameters")]
    [InlineData("""{"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":"always","messages":[{"role":"user","content":"a"}]}""", "tool_choice")]
    public void A_malformed_part_is_a_400_naming_the_field(string body, string field)
    {
        GatewayException error = Assert.Throws<GatewayException>(() => Read(body));

        Assert.Equal(GatewayErrorKind.BadRequest, error.Kind);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_remote_image_url_is_refused_because_the_router_fetches_nothing()
    {
        GatewayException error = Assert.Throws<GatewayException>(() => Read(
            """{"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://example.com/cat.png"}}]}]}"""));

        Assert.Contains("messages[0].content[0].image_url.url: the router fetches nothing", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"functions":[{"name":"f"}],"messages":[{"role":"user","content":"a"}]}""", "'functions'")]
    [InlineData("""{"function_call":"auto","messages":[{"role":"user","content":"a"}]}""", "'function_call'")]
    [InlineData("""{"messages":[{"role":"function","name":"f","content":"a"}]}""", "messages[0].role")]
    public void The_legacy_functions_api_is_refused_with_a_clear_400(string body, string field)
    {
        GatewayException error = Assert.Throws<GatewayException>(() => Read(body));

        Assert.Equal("unsupported_tools", error.Code);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_answer_of_tool_calls_has_null_content_the_calls_and_finish_reason_tool_calls()
    {
        AnswerTail tail = new("tool_calls", 12, 0)
        {
            ToolCalls = [new FunctionCallContent("call_9", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris", ["days"] = 2 }), new FunctionCallContent("", "get_time")],
        };

        using JsonDocument written = Write(json => Dialect.WriteWhole(json, new AnswerHead("router-chat-1", "qwen2.5:3b", DateTimeOffset.UnixEpoch), "", tail));

        JsonElement choice = written.RootElement.GetProperty("choices")[0];
        Assert.Equal("tool_calls", choice.GetProperty("finish_reason").GetString());
        JsonElement message = choice.GetProperty("message");
        Assert.Equal(JsonValueKind.Null, message.GetProperty("content").ValueKind);
        JsonElement first = message.GetProperty("tool_calls")[0];
        Assert.Equal(("call_9", "function", "get_weather"), (first.GetProperty("id").GetString(), first.GetProperty("type").GetString(), first.GetProperty("function").GetProperty("name").GetString()));
        Assert.Equal("""{"city":"Paris","days":2}""", first.GetProperty("function").GetProperty("arguments").GetString());
        JsonElement second = message.GetProperty("tool_calls")[1];
        Assert.Equal("call_router-chat-1_1", second.GetProperty("id").GetString());
        Assert.Equal("{}", second.GetProperty("function").GetProperty("arguments").GetString());
    }

    [Fact]
    public async Task A_tool_loop_through_the_gateway_calls_the_tool_then_answers_from_its_result()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        using HttpResponseMessage asked = await hosts.PostAsync("/v1/chat/completions", $$"""
            {"model":"router/auto",{{Tools}},"messages":[{"role":"user","content":"What is the weather in Paris?"}]}
            """);
        string askedBody = await asked.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal("quick", OpenAiRouteTests.Header(asked, "x-router-tier"));
        using JsonDocument call = JsonDocument.Parse(askedBody);
        JsonElement choice = call.RootElement.GetProperty("choices")[0];
        Assert.Equal("tool_calls", choice.GetProperty("finish_reason").GetString());
        JsonElement toolCall = choice.GetProperty("message").GetProperty("tool_calls")[0];
        string id = toolCall.GetProperty("id").GetString()!;
        Assert.Equal("""{"city":"Paris"}""", toolCall.GetProperty("function").GetProperty("arguments").GetString());

        using HttpResponseMessage answered = await hosts.PostAsync("/v1/chat/completions", $$"""
            {"model":"router/auto",{{Tools}},"messages":[
              {"role":"user","content":"What is the weather in Paris?"},
              {"role":"assistant","content":null,"tool_calls":[{{toolCall.GetRawText()}}]},
              {"role":"tool","tool_call_id":"{{id}}","content":"18 C and sunny"}]}
            """);
        using JsonDocument final = JsonDocument.Parse(await answered.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("quick", OpenAiRouteTests.Header(answered, "x-router-tier"));
        JsonElement last = final.RootElement.GetProperty("choices")[0];
        Assert.Equal("stop", last.GetProperty("finish_reason").GetString());
        Assert.Contains("18 C and sunny", last.GetProperty("message").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.All(GatewayHosts.Generations(hosts.Laptop), chat => Assert.Equal(1, chat.Tools));
    }

    [Fact]
    public async Task A_streamed_tool_call_is_one_delta_with_index_id_and_arguments_then_finish_reason_tool_calls()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        using HttpResponseMessage response = await hosts.PostAsync("/v1/chat/completions", $$"""
            {"model":"router/auto","stream":true,{{Tools}},"messages":[{"role":"user","content":"What is the weather in Paris?"}]}
            """);
        List<(string? Event, string Data)> events = ServerSentEvents.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("quick", OpenAiRouteTests.Header(response, "x-router-tier"));
        Assert.Equal("[DONE]", events[^1].Data);
        List<JsonElement> chunks = [.. events.SkipLast(1).Select(e => JsonDocument.Parse(e.Data).RootElement)];
        JsonElement delta = Assert.Single(chunks, c => c.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("tool_calls", out _))
            .GetProperty("choices")[0].GetProperty("delta").GetProperty("tool_calls")[0];
        Assert.Equal(0, delta.GetProperty("index").GetInt32());
        Assert.False(string.IsNullOrEmpty(delta.GetProperty("id").GetString()));
        Assert.Equal("get_weather", delta.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("""{"city":"Paris"}""", delta.GetProperty("function").GetProperty("arguments").GetString());
        Assert.Equal("tool_calls", chunks[^1].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
    }

    [Fact]
    public async Task An_image_goes_to_the_vision_model_on_a_local_host_even_when_the_cloud_is_listed_first()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync(visionHosts: "cloud, laptop");

        foreach (string model in (string[])["router/auto", "router/frontier"])
        {
            using HttpResponseMessage response = await hosts.PostAsync("/v1/chat/completions", $$$"""
                {"model":"{{{model}}}","messages":[{"role":"user","content":[{"type":"text","text":"What is in this picture?"},{"type":"image_url","image_url":{"url":"{{{Png}}}"}}]}]}
                """);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(("vision", "granite3.2-vision:2b", "laptop"), (
                OpenAiRouteTests.Header(response, "x-router-tier"), OpenAiRouteTests.Header(response, "x-router-model"), OpenAiRouteTests.Header(response, "x-router-endpoint")));
            Assert.Contains("private: 1 image attached", OpenAiRouteTests.Header(response, "x-router-reasons"), StringComparison.Ordinal);
        }

        Assert.All(GatewayHosts.Generations(hosts.Laptop), chat => Assert.Equal(1, chat.Images));
        Assert.Equal(2, GatewayHosts.Generations(hosts.Laptop).Count);
        Assert.Empty(GatewayHosts.Generations(hosts.Cloud));
    }

    private static GatewayAsk Read(string json)
    {
        using JsonDocument body = JsonDocument.Parse(json);
        return Dialect.Read(body.RootElement.Clone());
    }

    private static JsonDocument Write(Action<Utf8JsonWriter> write)
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter json = new(buffer))
        {
            write(json);
        }

        return JsonDocument.Parse(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}

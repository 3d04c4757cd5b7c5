using System.Net;
using static Router.Emulator.Tests.EmulatorHttp;

namespace Router.Emulator.Tests;

/// <summary>Tools and images on /api/chat and /v1/chat/completions: the emulated model calls the first tool after a user's
/// message, quotes a tool's result, refuses what its capabilities lack, and the request log counts what arrived.</summary>
public sealed class ToolAndImageTests
{
    private const string Tools = """
        "tools":[{"type":"function","function":{"name":"lookup","parameters":{"type":"object",
          "properties":{"term":{"type":"string"},"limit":{"type":"integer"},"exact":{"type":"boolean"}},"required":["term","limit","exact"]}}}]
        """;

    [Fact]
    public async Task Ollama_chat_with_tools_calls_the_first_tool_with_arguments_from_its_schema()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (_, body) = await PostAsync(http, "api/chat", $$"""
            {"model":"qwen2.5:3b","stream":false,{{Tools}},"messages":[{"role":"user","content":"Look up monads"}]}
            """);

        var call = body.GetProperty("message").GetProperty("tool_calls")[0].GetProperty("function");
        Assert.Equal("lookup", call.GetProperty("name").GetString());
        Assert.Equal("""{"term":"monads","limit":1,"exact":true}""", call.GetProperty("arguments").GetRawText());
        Assert.Equal(1, Assert.Single(emulator.Requests).Tools);
    }

    [Fact]
    public async Task After_a_tool_result_the_model_answers_in_words_that_quote_it()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (_, body) = await PostAsync(http, "v1/chat/completions", $$$"""
            {"model":"qwen2.5:3b",{{{Tools}}},"messages":[{"role":"user","content":"Look up monads"},
              {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"lookup","arguments":"{}"}}]},
              {"role":"tool","tool_call_id":"c1","content":"a monoid in the category of endofunctors"}]}
            """);

        var choice = body.GetProperty("choices")[0];
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        Assert.Contains("a monoid in the category of endofunctors", choice.GetProperty("message").GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/chat", """{"model":"deepseek-r1:8b","stream":false,"tools":[{"type":"function","function":{"name":"f"}}],"messages":[{"role":"user","content":"hi"}]}""", "does not support tools")]
    [InlineData("api/chat", """{"model":"qwen2.5:3b","stream":false,"messages":[{"role":"user","content":"hi","images":["iVBORw0KGgo="]}]}""", "does not support images")]
    [InlineData("v1/chat/completions", """{"model":"qwen2.5:3b","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]}]}""", "does not support images")]
    public async Task A_model_without_the_capability_refuses_with_a_400(string path, string json, string message)
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vision_model_takes_images_and_the_log_counts_them()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (response, _) = await PostAsync(http, "api/chat", """
            {"model":"granite3.2-vision:2b","stream":false,"messages":[{"role":"user","content":"What is this?","images":["iVBORw0KGgo=","iVBORw0KGgo="]}]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Assert.Single(emulator.Requests).Images);
    }
}

using System.Net;
using System.Text.Json;
using Router.Gateway.Tests.Wire;

namespace Router.Gateway.Tests;

/// <summary>A tool loop through the real gateway and the emulated hosts, in Anthropic's and Ollama's shapes: the client's
/// tools reach the model, the model's call comes back in the API's shape (whole and streamed), and the tool's result goes
/// back to the model, which answers with it (the emulated model calls the first tool it is offered after a user's message).
/// An image in either shape reaches the vision model on a local host, never the cloud.</summary>
public sealed class ToolLoopTests
{
    private const string AnthropicTools = """
        "tools":[{"name":"get_weather","description":"The weather at a place","input_schema":{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}}]
        """;

    private const string OllamaTools = """
        "tools":[{"type":"function","function":{"name":"get_weather","description":"The weather at a place","parameters":{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}}}]
        """;

    [Fact]
    public async Task Anthropic_messages_answer_a_tool_use_block_then_the_model_reads_the_tool_result()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        using HttpResponseMessage first = await hosts.PostAsync("/v1/messages", $$$"""
            {"model":"router/quick","max_tokens":64,{{{AnthropicTools}}},"messages":[{"role":"user","content":"What is the weather in Oslo"}]}
            """);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        JsonElement message = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("tool_use", message.GetProperty("stop_reason").GetString());
        JsonElement call = message.GetProperty("content").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "tool_use");
        Assert.Equal("get_weather", call.GetProperty("name").GetString());
        Assert.Equal("Oslo", call.GetProperty("input").GetProperty("location").GetString());
        string id = call.GetProperty("id").GetString()!;
        Assert.False(string.IsNullOrEmpty(id));

        using HttpResponseMessage second = await hosts.PostAsync("/v1/messages", $$$"""
            {"model":"router/quick","max_tokens":64,{{{AnthropicTools}}},"messages":[
              {"role":"user","content":"What is the weather in Oslo"},
              {"role":"assistant","content":{{{message.GetProperty("content").GetRawText()}}}},
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"{{{id}}}","content":"7 degrees and rain"}]}]}
            """);
        Assert.True(second.StatusCode == HttpStatusCode.OK, await second.Content.ReadAsStringAsync());
        JsonElement answer = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("end_turn", answer.GetProperty("stop_reason").GetString());
        Assert.Contains("7 degrees and rain", answer.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);

        // The model got the tool's definition, then its own call and the result.
        Assert.Equal([1, 1], GatewayHosts.Generations(hosts.Laptop).Select(r => r.Tools));
    }

    [Fact]
    public async Task Anthropic_messages_stream_a_tool_use_block_with_its_input_as_a_json_delta()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        using HttpResponseMessage response = await hosts.PostAsync("/v1/messages", $$$"""
            {"model":"router/quick","max_tokens":64,"stream":true,{{{AnthropicTools}}},"messages":[{"role":"user","content":"What is the weather in Oslo"}]}
            """);
        List<(string? Event, string Data)> events = ServerSentEvents.Parse(await response.Content.ReadAsStringAsync());

        JsonElement[] data = [.. events.Select(e => JsonDocument.Parse(e.Data).RootElement)];
        JsonElement start = data.Single(d => d.GetProperty("type").GetString() == "content_block_start"
            && d.GetProperty("content_block").GetProperty("type").GetString() == "tool_use");
        Assert.Equal("get_weather", start.GetProperty("content_block").GetProperty("name").GetString());
        int index = start.GetProperty("index").GetInt32();
        string input = string.Concat(data
            .Where(d => d.GetProperty("type").GetString() == "content_block_delta" && d.GetProperty("index").GetInt32() == index)
            .Select(d => d.GetProperty("delta").GetProperty("partial_json").GetString()));
        Assert.Equal("Oslo", JsonDocument.Parse(input).RootElement.GetProperty("location").GetString());
        Assert.Contains(data, d => d.GetProperty("type").GetString() == "content_block_stop" && d.GetProperty("index").GetInt32() == index);
        Assert.Equal("tool_use", data.Single(d => d.GetProperty("type").GetString() == "message_delta").GetProperty("delta").GetProperty("stop_reason").GetString());
        Assert.Equal("message_stop", events[^1].Event);
    }

    [Fact]
    public async Task Ollama_chat_answers_tool_calls_whole_and_streamed_then_the_model_reads_the_tool_message()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        using HttpResponseMessage whole = await hosts.PostAsync("/api/chat", $$$"""
            {"model":"router/quick","stream":false,{{{OllamaTools}}},"messages":[{"role":"user","content":"What is the weather in Oslo"}]}
            """);
        using HttpResponseMessage streamed = await hosts.PostAsync("/api/chat", $$$"""
            {"model":"router/quick",{{{OllamaTools}}},"messages":[{"role":"user","content":"What is the weather in Oslo"}]}
            """);

        JsonElement answer = JsonDocument.Parse(await whole.Content.ReadAsStringAsync()).RootElement;
        JsonElement call = Assert.Single(answer.GetProperty("message").GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("get_weather", call.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("Oslo", call.GetProperty("function").GetProperty("arguments").GetProperty("location").GetString());
        JsonElement[] lines = [.. (await streamed.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
        Assert.True(lines[^1].GetProperty("done").GetBoolean());
        JsonElement carrying = Assert.Single(lines, l => l.GetProperty("message").TryGetProperty("tool_calls", out _));
        Assert.False(carrying.GetProperty("done").GetBoolean());
        Assert.Equal("get_weather", carrying.GetProperty("message").GetProperty("tool_calls")[0].GetProperty("function").GetProperty("name").GetString());

        using HttpResponseMessage next = await hosts.PostAsync("/api/chat", $$$"""
            {"model":"router/quick","stream":false,{{{OllamaTools}}},"messages":[
              {"role":"user","content":"What is the weather in Oslo"},
              {{{answer.GetProperty("message").GetRawText()}}},
              {"role":"tool","tool_name":"get_weather","content":"7 degrees and rain"}]}
            """);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        JsonElement said = JsonDocument.Parse(await next.Content.ReadAsStringAsync()).RootElement.GetProperty("message");
        Assert.Contains("7 degrees and rain", said.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.False(said.TryGetProperty("tool_calls", out _));
    }

    [Theory]
    [InlineData("/v1/messages", """{"max_tokens":64,"messages":[{"role":"user","content":[{"type":"text","text":"What is in this picture?"},{"type":"image","source":{"type":"base64","media_type":"image/png","data":"PNG"}}]}]""")]
    [InlineData("/api/chat", """{"stream":false,"messages":[{"role":"user","content":"What is in this picture?","images":["PNG"]}]""")]
    [InlineData("/api/generate", """{"stream":false,"prompt":"What is in this picture?","images":["PNG"]""")]
    public async Task An_image_goes_to_the_vision_model_on_a_local_host_even_when_the_cloud_is_listed_first(string path, string body)
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync(visionHosts: "cloud, laptop");

        foreach (string model in (string[])["router/auto", "router/frontier"])
        {
            using HttpResponseMessage response = await hosts.PostAsync(path, $"{body.Replace("PNG", Images.Png, StringComparison.Ordinal)},\"model\":\"{model}\"}}");

            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            Assert.Equal(("vision", "laptop"), (OpenAiRouteTests.Header(response, "x-router-tier"), OpenAiRouteTests.Header(response, "x-router-endpoint")));
            Assert.Contains("private: 1 image attached", OpenAiRouteTests.Header(response, "x-router-reasons"), StringComparison.Ordinal);
        }

        Assert.Equal([1, 1], GatewayHosts.Generations(hosts.Laptop).Select(r => r.Images));
        Assert.Empty(GatewayHosts.Generations(hosts.Cloud));
    }
}

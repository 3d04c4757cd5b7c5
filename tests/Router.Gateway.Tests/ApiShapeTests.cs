using System.Net;
using System.Text.Json;

namespace Router.Gateway.Tests;

/// <summary>Anthropic's and Ollama's shapes, whole and streamed, and Ollama's listing routes that tools probe first.</summary>
public sealed class ApiShapeTests
{
    [Fact]
    public async Task Anthropic_messages_answer_whole_with_a_text_block_stop_reason_and_usage()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        using HttpResponseMessage response = await hosts.PostAsync("/v1/messages", """
            {"model":"router/auto","max_tokens":64,"system":"Be brief.","messages":[{"role":"user","content":[{"type":"text","text":"What is a monad?"}]}]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("message", message.GetProperty("type").GetString());
        Assert.Equal("assistant", message.GetProperty("role").GetString());
        Assert.Equal("text", message.GetProperty("content")[0].GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(message.GetProperty("content")[0].GetProperty("text").GetString()));
        Assert.Equal("end_turn", message.GetProperty("stop_reason").GetString());
        Assert.True(message.GetProperty("usage").GetProperty("output_tokens").GetInt32() > 0);
    }

    [Fact]
    public async Task Anthropic_messages_stream_in_the_event_order_the_sdk_expects()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        using HttpResponseMessage response = await hosts.PostAsync(
            "/v1/messages", """{"model":"router/auto","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"What is a monad?"}]}""");
        List<(string? Event, string Data)> events = ServerSentEvents.Parse(await response.Content.ReadAsStringAsync());

        string[] names = [.. events.Select(e => e.Event ?? "(none)").Distinct()];
        Assert.Equal(["message_start", "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop"], names);
        Assert.All(events, e => Assert.Equal(e.Event, JsonDocument.Parse(e.Data).RootElement.GetProperty("type").GetString()));
        Assert.Equal("end_turn", JsonDocument.Parse(events.Single(e => e.Event == "message_delta").Data).RootElement.GetProperty("delta").GetProperty("stop_reason").GetString());
    }

    [Fact]
    public async Task Ollama_chat_streams_json_lines_by_default_and_answers_whole_when_asked()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        using HttpResponseMessage streamed = await hosts.PostAsync("/api/chat", """{"model":"router/auto:latest","messages":[{"role":"user","content":"Hello"}]}""");
        using HttpResponseMessage whole = await hosts.PostAsync("/api/chat", """{"model":"qwen2.5:3b","stream":false,"messages":[{"role":"user","content":"Hello"}]}""");

        Assert.Equal("application/x-ndjson", streamed.Content.Headers.ContentType?.MediaType);
        JsonElement[] lines = [.. (await streamed.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
        Assert.True(lines.Length > 2);
        Assert.All(lines[..^1], l => Assert.False(l.GetProperty("done").GetBoolean()));
        Assert.True(lines[^1].GetProperty("done").GetBoolean());
        Assert.Equal("stop", lines[^1].GetProperty("done_reason").GetString());
        JsonElement answer = JsonDocument.Parse(await whole.Content.ReadAsStringAsync()).RootElement;
        Assert.True(answer.GetProperty("done").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("message").GetProperty("content").GetString()));
        Assert.Equal("qwen2.5:3b", answer.GetProperty("model").GetString());
    }

    [Fact]
    public async Task Ollama_generate_with_a_suffix_fills_in_the_middle_and_without_one_is_routed_by_content()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        using HttpResponseMessage fim = await hosts.PostAsync("/api/generate", """{"model":"router/auto","stream":false,"prompt":"def add(a, b):\n    ","suffix":"\n"}""");
        using HttpResponseMessage plain = await hosts.PostAsync("/api/generate", """{"model":"router/auto","stream":false,"prompt":"Why is the sky blue?"}""");

        Assert.Equal("code", OpenAiRouteTests.Header(fim, "x-router-tier"));
        Assert.Equal("quick", OpenAiRouteTests.Header(plain, "x-router-tier"));
        Assert.NotNull(JsonDocument.Parse(await fim.Content.ReadAsStringAsync()).RootElement.GetProperty("response").GetString());
        Assert.Equal("\n", Assert.Single(GatewayHosts.Generations(hosts.Gpu)).Suffix);
    }

    [Fact]
    public async Task Ollama_tags_show_and_version_answer_as_an_ollama_host_does()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        JsonElement tags = JsonDocument.Parse(await hosts.Http.GetStringAsync("/api/tags", GatewayHosts.Deadline())).RootElement;
        using HttpResponseMessage show = await hosts.PostAsync("/api/show", """{"model":"router/code"}""");
        using HttpResponseMessage missing = await hosts.PostAsync("/api/show", """{"model":"nope:1b"}""");
        JsonElement version = JsonDocument.Parse(await hosts.Http.GetStringAsync("/api/version", GatewayHosts.Deadline())).RootElement;

        Assert.Contains(tags.GetProperty("models").EnumerateArray(), m => m.GetProperty("name").GetString() == "router/auto");
        Assert.Equal(HttpStatusCode.OK, show.StatusCode);
        Assert.Contains("insert", (await show.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("0.1.0-test", version.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Health_is_live_and_readiness_reports_every_endpoints_circuit()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync(quickHosts: "down, laptop");
        using HttpResponseMessage ask = await hosts.PostAsync("/v1/chat/completions", """{"model":"router/quick","messages":[{"role":"user","content":"hi"}]}""");

        using HttpResponseMessage live = await hosts.Http.GetAsync("/health", GatewayHosts.Deadline());
        using HttpResponseMessage ready = await hosts.Http.GetAsync("/health/ready", GatewayHosts.Deadline());

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        JsonElement[] endpoints = [.. JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("endpoints").EnumerateArray()];
        Assert.Equal(["cloud", "down", "gpu", "laptop"], endpoints.Select(e => e.GetProperty("name").GetString()));
        JsonElement down = endpoints.Single(e => e.GetProperty("name").GetString() == "down");
        Assert.Equal("open", down.GetProperty("circuit").GetString());
        Assert.False(down.GetProperty("takesRequests").GetBoolean());
        Assert.Equal("closed", endpoints.Single(e => e.GetProperty("name").GetString() == "laptop").GetProperty("circuit").GetString());
    }
}

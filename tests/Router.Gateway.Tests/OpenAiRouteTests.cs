using System.Net;
using System.Text.Json;

namespace Router.Gateway.Tests;

/// <summary>OpenAI's routes: chat completions whole and streamed, completions with a suffix, the model list, and the
/// router's headers on every answer.</summary>
public sealed class OpenAiRouteTests
{
    private const string CodeQuestion = "Why does this throw a NullReferenceException?\n\n```csharp\npublic int Length(string? name) => name.Length;\n```";

    [Fact]
    public async Task A_plain_question_to_router_auto_is_answered_by_quick_and_says_where_it_went()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        using HttpResponseMessage response = await hosts.PostAsync("/v1/chat/completions", """
            {"model":"router/auto","messages":[{"role":"user","content":"What is the capital of France?"}]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("quick", Header(response, "x-router-tier"));
        Assert.Equal("qwen2.5:3b", Header(response, "x-router-model"));
        Assert.Equal("laptop", Header(response, "x-router-endpoint"));
        Assert.Contains("chat default quick", Header(response, "x-router-reasons"), StringComparison.Ordinal);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        JsonElement root = body.RootElement;
        Assert.Equal("chat.completion", root.GetProperty("object").GetString());
        Assert.Equal("qwen2.5:3b", root.GetProperty("model").GetString());
        JsonElement choice = root.GetProperty("choices")[0];
        Assert.Equal("assistant", choice.GetProperty("message").GetProperty("role").GetString());
        Assert.False(string.IsNullOrWhiteSpace(choice.GetProperty("message").GetProperty("content").GetString()));
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        Assert.True(root.GetProperty("usage").GetProperty("completion_tokens").GetInt32() > 0);
        Assert.Single(GatewayHosts.Generations(hosts.Laptop));
        Assert.Empty(GatewayHosts.Generations(hosts.Gpu));
    }

    [Fact]
    public async Task Router_auto_sends_code_to_the_code_tier_as_the_editor_chat_would()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        using HttpResponseMessage response = await hosts.PostAsync(
            "/v1/chat/completions", JsonSerializer.Serialize(new { model = "router/auto", messages = new[] { new { role = "user", content = CodeQuestion } } }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("code", Header(response, "x-router-tier"));
        Assert.Equal("gpu", Header(response, "x-router-endpoint"));
    }

    [Theory]
    [InlineData("router/heavy", "heavy", "qwen2.5-coder:32b")]
    [InlineData("router/reasoning", "reasoning", "deepseek-r1:8b")]
    [InlineData("qwen2.5-coder:32b", "heavy", "qwen2.5-coder:32b")]
    [InlineData("qwen2.5-coder:14b", "code", "qwen2.5-coder:14b")]
    public async Task A_tier_or_a_tiers_model_named_by_the_client_takes_the_request(string model, string tier, string answeredBy)
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        using HttpResponseMessage response = await hosts.PostAsync(
            "/v1/chat/completions", JsonSerializer.Serialize(new { model, messages = new[] { new { role = "user", content = "Say hello." } } }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(tier, Header(response, "x-router-tier"));
        Assert.Equal(answeredBy, Header(response, "x-router-model"));
    }

    [Fact]
    public async Task A_model_no_host_has_is_404_and_an_unknown_router_name_too()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        using HttpResponseMessage missing = await hosts.PostAsync("/v1/chat/completions", """{"model":"llama9:400b","messages":[{"role":"user","content":"hi"}]}""");
        using HttpResponseMessage unknown = await hosts.PostAsync("/v1/chat/completions", """{"model":"router/fastest","messages":[{"role":"user","content":"hi"}]}""");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("model_not_found", ErrorCode(await missing.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        string body = await unknown.Content.ReadAsStringAsync();
        Assert.Equal("model_not_found", ErrorCode(body));
        Assert.Contains("router/auto", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_streamed_chat_sends_chunks_with_the_headers_then_usage_when_asked_and_done()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        using HttpResponseMessage response = await hosts.PostAsync("/v1/chat/completions", """
            {"model":"router/auto","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"Explain what a closure is."}]}
            """, completion: HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("quick", Header(response, "x-router-tier"));
        List<(string? Event, string Data)> events = ServerSentEvents.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("[DONE]", events[^1].Data);
        string text = ServerSentEvents.OpenAiChatText(events);
        Assert.True(text.Length > 10, text);
        JsonElement usage = JsonDocument.Parse(events[^2].Data).RootElement.GetProperty("usage");
        Assert.True(usage.GetProperty("completion_tokens").GetInt32() > 0);
        JsonElement finish = JsonDocument.Parse(events[^3].Data).RootElement.GetProperty("choices")[0];
        Assert.Equal("stop", finish.GetProperty("finish_reason").GetString());
        Assert.Equal(1, events.Count(e => e.Data.Contains("\"role\":\"assistant\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Completions_with_a_suffix_fill_in_the_middle_on_the_code_tier()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        using HttpResponseMessage response = await hosts.PostAsync("/v1/completions", """
            {"model":"router/auto","prompt":"def area(r):\n    return ","suffix":"\n\nprint(area(2))\n","max_tokens":32}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("code", Header(response, "x-router-tier"));
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("text_completion", body.RootElement.GetProperty("object").GetString());
        Assert.NotNull(body.RootElement.GetProperty("choices")[0].GetProperty("text").GetString());
        var sent = Assert.Single(GatewayHosts.Generations(hosts.Gpu));
        Assert.Equal("/api/generate", sent.Endpoint);
        Assert.Equal("\n\nprint(area(2))\n", sent.Suffix);
    }

    [Fact]
    public async Task The_model_list_names_router_auto_each_configured_tier_each_tiers_model_then_the_hosts_other_models()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();

        using JsonDocument list = JsonDocument.Parse(await hosts.Http.GetStringAsync("/v1/models", GatewayHosts.Deadline()));
        string[] ids = [.. list.RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()!)];

        Assert.Equal("list", list.RootElement.GetProperty("object").GetString());
        Assert.Equal(
            ["router/auto", "router/quick", "router/code", "router/reasoning", "router/heavy", "router/frontier",
             "qwen2.5:3b", "qwen2.5-coder:14b", "deepseek-r1:8b", "qwen2.5-coder:32b", GatewayHosts.FrontierModel,
             "granite3.2-vision:2b", GatewayHosts.GpuOnlyModel],
            ids);
        using HttpResponseMessage one = await hosts.Http.GetAsync("/v1/models/router/code", GatewayHosts.Deadline());
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        using HttpResponseMessage none = await hosts.Http.GetAsync("/v1/models/router/vision", GatewayHosts.Deadline());
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    internal static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out IEnumerable<string>? values) ? string.Join(",", values) : "(none)";

    internal static string? ErrorCode(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("code").GetString();
}

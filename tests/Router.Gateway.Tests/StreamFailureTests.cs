using System.Net;
using System.Text.Json;
using Router.Emulator;

namespace Router.Gateway.Tests;

/// <summary>A host that fails before the first token is replaced without the client seeing it; one that fails after it ends
/// the stream with the API's error event, never with text from a second model.</summary>
public sealed class StreamFailureTests
{
    private const string Ask = """{"model":"router/auto","stream":true,"messages":[{"role":"user","content":"Explain what a closure is."}]}""";

    [Fact]
    public async Task A_host_that_is_down_is_passed_over_before_the_first_token_and_the_headers_name_the_one_that_answered()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync(quickHosts: "down, laptop");

        using HttpResponseMessage response = await hosts.PostAsync("/v1/chat/completions", Ask);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("laptop", OpenAiRouteTests.Header(response, "x-router-endpoint"));
        List<(string? Event, string Data)> events = ServerSentEvents.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("[DONE]", events[^1].Data);
        Assert.DoesNotContain(events, e => e.Data.Contains("\"error\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_host_whose_stream_is_cut_after_text_ends_the_answer_with_an_error_event_and_no_second_models_text()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync(quickHosts: "laptop, gpu");
        hosts.Laptop.SetFaults(new EmulatorFaultSet { CutAfterChunks = 3 });

        using HttpResponseMessage response = await hosts.PostAsync("/v1/chat/completions", Ask);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("laptop", OpenAiRouteTests.Header(response, "x-router-endpoint"));
        List<(string? Event, string Data)> events = ServerSentEvents.Parse(await response.Content.ReadAsStringAsync());
        JsonElement last = JsonDocument.Parse(events[^1].Data).RootElement;
        Assert.Equal("stream_interrupted", last.GetProperty("error").GetProperty("code").GetString());
        Assert.DoesNotContain(events, e => e.Data == "[DONE]");
        Assert.Equal(3, events.Count(e => e.Data.Contains("\"content\":", StringComparison.Ordinal) && !e.Data.Contains("\"content\":\"\"", StringComparison.Ordinal)));

        // The gpu host never streamed into this answer (it may not be asked at all once the gateway stopped reading).
        Assert.DoesNotContain(GatewayHosts.Generations(hosts.Gpu), r => r.Outcome == EmulatorRequestOutcome.Completed);
    }

    [Theory]
    [InlineData("/v1/messages", """{"model":"router/auto","stream":true,"max_tokens":64,"messages":[{"role":"user","content":"Explain closures."}]}""")]
    [InlineData("/api/chat", """{"model":"router/auto","messages":[{"role":"user","content":"Explain closures."}]}""")]
    public async Task Anthropic_and_ollama_streams_end_with_their_own_error_event(string path, string body)
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync();
        hosts.Laptop.SetFaults(new EmulatorFaultSet { CutAfterChunks = 2 });

        using HttpResponseMessage response = await hosts.PostAsync(path, body);
        string text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (path == "/v1/messages")
        {
            (string? name, string data) = ServerSentEvents.Parse(text)[^1];
            Assert.Equal("error", name);
            Assert.Equal("api_error", JsonDocument.Parse(data).RootElement.GetProperty("error").GetProperty("type").GetString());
            Assert.DoesNotContain("message_stop", text, StringComparison.Ordinal);
        }
        else
        {
            string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(JsonDocument.Parse(lines[^1]).RootElement.TryGetProperty("error", out _), lines[^1]);
            Assert.DoesNotContain(lines, line => line.Contains("\"done\":true", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task When_no_host_can_answer_the_reply_is_503_before_any_stream_starts()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync(quickHosts: "down");

        using HttpResponseMessage response = await hosts.PostAsync("/v1/chat/completions", Ask);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal("no_host_available", OpenAiRouteTests.ErrorCode(body));
        Assert.Contains("down", body, StringComparison.Ordinal);
    }
}

using static Router.Emulator.Tests.CloudShapes;
using static Router.Emulator.Tests.EmulatorHttp;

namespace Router.Emulator.Tests;

public sealed class AnthropicEndpointTests
{
    [Fact]
    public async Task Streaming_message_sends_the_anthropic_event_sequence_with_text_deltas_and_usage()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (response, events) = await PostEventsAsync(
            http,
            "v1/messages",
            """{"model":"qwen2.5:3b","max_tokens":200,"stream":true,"system":"Be brief.","messages":[{"role":"user","content":"Explain dependency injection"}]}""");

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var names = events.Select(e => e.Event).ToList();
        Assert.Equal(["message_start", "content_block_start"], names[..2]);
        Assert.Equal(["content_block_stop", "message_delta", "message_stop"], names[^3..]);
        Assert.All(names[2..^3], n => Assert.Equal("content_block_delta", n));
        Assert.All(events, e => Assert.Equal(e.Event, Parse(e.Data).GetProperty("type").GetString()));
        var text = string.Concat(events.Where(e => e.Event == "content_block_delta")
            .Select(e => Parse(e.Data).GetProperty("delta").GetProperty("text").GetString()));
        Assert.Contains("dependency", text, StringComparison.OrdinalIgnoreCase);
        var delta = Parse(events[^2].Data);
        Assert.Equal("end_turn", delta.GetProperty("delta").GetProperty("stop_reason").GetString());
        Assert.True(delta.GetProperty("usage").GetProperty("output_tokens").GetInt32() > 0);
        Assert.True(Parse(events[0].Data).GetProperty("message").GetProperty("usage").GetProperty("input_tokens").GetInt32() > 0);
    }

    [Fact]
    public async Task Non_streaming_message_answers_a_text_block_usage_and_stop_reason()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (_, body) = await PostAsync(
            http, "v1/messages", """{"model":"qwen2.5:3b","max_tokens":4,"messages":[{"role":"user","content":"Explain dependency injection"}]}""");

        Assert.Equal("message", body.GetProperty("type").GetString());
        Assert.Equal("text", body.GetProperty("content")[0].GetProperty("type").GetString());
        Assert.Equal("max_tokens", body.GetProperty("stop_reason").GetString());
        Assert.Equal(4, body.GetProperty("usage").GetProperty("output_tokens").GetInt32());
    }

    [Fact]
    public async Task Unknown_model_answers_404_not_found_error()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (response, body) = await PostAsync(
            http, "v1/messages", """{"model":"claude-nope","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}""");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("error", body.GetProperty("type").GetString());
        Assert.Equal("not_found_error", body.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Expected_key_rejects_a_request_without_x_api_key()
    {
        await using var emulator = await StartAsync(new EmulatorOptions { TimeScale = 0, ApiKey = "sk-ant-test" });
        using var http = Client(emulator);

        var (response, body) = await PostAsync(
            http, "v1/messages", """{"model":"qwen2.5:3b","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}""");

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("authentication_error", body.GetProperty("error").GetProperty("type").GetString());
    }
}

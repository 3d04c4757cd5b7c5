using static Router.Emulator.Tests.CloudShapes;
using static Router.Emulator.Tests.EmulatorHttp;

namespace Router.Emulator.Tests;

public sealed class OpenAiEndpointTests
{
    [Fact]
    public async Task Streaming_chat_completion_sends_delta_chunks_a_finish_reason_usage_and_done()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (response, events) = await PostEventsAsync(
            http,
            "v1/chat/completions",
            """{"model":"qwen2.5:3b","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"Explain dependency injection"}]}""");

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("[DONE]", events[^1].Data);
        var chunks = events[..^1].Select(e => Parse(e.Data)).ToList();
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        var text = string.Concat(chunks.SelectMany(c => c.GetProperty("choices").EnumerateArray())
            .Select(c => c.GetProperty("delta").TryGetProperty("content", out var content) ? content.GetString() : ""));
        Assert.Contains("dependency", text, StringComparison.OrdinalIgnoreCase);
        var finish = chunks[^2].GetProperty("choices")[0];
        Assert.Equal("stop", finish.GetProperty("finish_reason").GetString());
        var usage = chunks[^1].GetProperty("usage");
        Assert.Empty(chunks[^1].GetProperty("choices").EnumerateArray());
        Assert.True(usage.GetProperty("completion_tokens").GetInt32() > 0);
        Assert.Equal(
            usage.GetProperty("prompt_tokens").GetInt32() + usage.GetProperty("completion_tokens").GetInt32(),
            usage.GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task Streaming_chat_without_include_usage_sends_no_usage_chunk()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (_, events) = await PostEventsAsync(
            http, "v1/chat/completions", """{"model":"qwen2.5:3b","stream":true,"messages":[{"role":"user","content":"hi"}]}""");

        Assert.All(events[..^1], e => Assert.False(Parse(e.Data).TryGetProperty("usage", out _)));
    }

    [Fact]
    public async Task Non_streaming_chat_completion_answers_the_whole_message_with_usage()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (response, body) = await PostAsync(
            http, "v1/chat/completions", """{"model":"qwen2.5:3b","messages":[{"role":"user","content":"Explain dependency injection"}],"max_tokens":5}""");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("chat.completion", body.GetProperty("object").GetString());
        var choice = body.GetProperty("choices")[0];
        Assert.Equal("assistant", choice.GetProperty("message").GetProperty("role").GetString());
        Assert.Equal("length", choice.GetProperty("finish_reason").GetString());
        Assert.Equal(5, body.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    [Fact]
    public async Task Completion_with_suffix_fills_the_middle_and_is_logged_with_its_suffix()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (_, body) = await PostAsync(
            http, "v1/completions", """{"model":"qwen2.5-coder:14b","prompt":"def add(a, b):\n    ","suffix":"\n\nprint(add(1, 2))"}""");

        Assert.Equal("text_completion", body.GetProperty("object").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("choices")[0].GetProperty("text").GetString()));
        var record = Assert.Single(emulator.Requests);
        Assert.Equal("/v1/completions", record.Endpoint);
        Assert.Equal("\n\nprint(add(1, 2))", record.Suffix);
    }

    [Fact]
    public async Task Models_lists_every_profile()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var body = await GetAsync(http, "v1/models");

        Assert.Equal("list", body.GetProperty("object").GetString());
        Assert.Contains(body.GetProperty("data").EnumerateArray(), m => m.GetProperty("id").GetString() == "qwen2.5:3b");
    }

    [Fact]
    public async Task Unknown_model_answers_404_in_the_openai_error_shape()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (response, body) = await PostAsync(
            http, "v1/chat/completions", """{"model":"gpt-nope","messages":[{"role":"user","content":"hi"}]}""");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("model_not_found", body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Expected_key_rejects_a_request_without_the_bearer_key_and_accepts_one_with_it()
    {
        await using var emulator = await StartAsync(new EmulatorOptions { TimeScale = 0, ApiKey = "sk-test" });
        using var http = Client(emulator);

        var (rejected, error) = await PostAsync(
            http, "v1/chat/completions", """{"model":"qwen2.5:3b","messages":[{"role":"user","content":"hi"}]}""");
        http.DefaultRequestHeaders.Authorization = new("Bearer", "sk-test");
        var (accepted, _) = await PostAsync(
            http, "v1/chat/completions", """{"model":"qwen2.5:3b","messages":[{"role":"user","content":"hi"}]}""");

        Assert.Equal(401, (int)rejected.StatusCode);
        Assert.Equal("invalid_api_key", error.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(200, (int)accepted.StatusCode);
    }
}

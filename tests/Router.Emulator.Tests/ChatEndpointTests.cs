using static Router.Emulator.Tests.EmulatorHttp;

namespace Router.Emulator.Tests;

public sealed class ChatEndpointTests
{
    [Fact]
    public async Task Streaming_chat_answers_assistant_message_chunks_and_a_final_line_with_timings()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (response, lines) = await PostStreamAsync(
            http, "api/chat", """{"model":"qwen2.5:3b","messages":[{"role":"user","content":"Explain dependency injection"}]}""");

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        foreach (var chunk in lines[..^1])
        {
            Assert.Equal(Sorted("model", "created_at", "message", "done"), PropertyNames(chunk));
            Assert.Equal(Sorted("role", "content"), PropertyNames(chunk.GetProperty("message")));
            Assert.Equal("assistant", chunk.GetProperty("message").GetProperty("role").GetString());
        }

        var text = string.Concat(lines[..^1].Select(l => l.GetProperty("message").GetProperty("content").GetString()));
        Assert.Contains("dependency", text, StringComparison.OrdinalIgnoreCase);
        var final = lines[^1];
        Assert.Equal(
            Sorted("model", "created_at", "message", "done", "done_reason", "total_duration", "load_duration",
                "prompt_eval_count", "prompt_eval_duration", "eval_count", "eval_duration"),
            PropertyNames(final));
        Assert.Equal("stop", final.GetProperty("done_reason").GetString());
    }

    [Fact]
    public async Task Non_streaming_chat_answers_the_whole_message()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (_, body) = await PostAsync(
            http, "api/chat", """{"model":"qwen2.5:3b","stream":false,"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"What is a closure?"}]}""");

        Assert.True(body.GetProperty("done").GetBoolean());
        Assert.Contains("closure", body.GetProperty("message").GetProperty("content").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("What is a closure?", Assert.Single(emulator.Requests).Prompt);
    }

    [Fact]
    public async Task Empty_messages_load_the_model()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (_, body) = await PostAsync(http, "api/chat", """{"model":"qwen2.5:3b","messages":[]}""");

        Assert.Equal("load", body.GetProperty("done_reason").GetString());
        Assert.Equal("", body.GetProperty("message").GetProperty("content").GetString());
    }
}

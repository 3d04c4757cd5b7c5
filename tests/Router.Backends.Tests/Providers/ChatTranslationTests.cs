using Microsoft.Extensions.AI;
using Router.Backends.Providers;

namespace Router.Backends.Tests.Providers;

public sealed class ChatTranslationTests
{
    private static readonly ModelRequest Request = new("qwen2.5:3b")
    {
        Messages = [new ChatTurn("system", "Be brief."), new ChatTurn("user", "Hi"), new ChatTurn("assistant", "Hello."), new ChatTurn("user", "Again")],
        Options = new GenerationOptions { MaxTokens = 64, Temperature = 0.5, Stop = ["\n\n"] },
    };

    [Fact]
    public void Tools_their_mode_and_one_call_at_a_time_reach_the_chat_options()
    {
        AIFunctionDeclaration tool = AIFunctionFactory.CreateDeclaration("get_time", "The time", System.Text.Json.JsonDocument.Parse("""{"type":"object"}""").RootElement);
        ChatOptions options = ChatTranslation.Options(Request with { Tools = [tool], ToolMode = ChatToolMode.RequireAny, AllowMultipleToolCalls = false });

        Assert.Same(tool, Assert.Single(options.Tools!));
        Assert.Equal(ChatToolMode.RequireAny, options.ToolMode);
        Assert.False(options.AllowMultipleToolCalls);
        Assert.Null(ChatTranslation.Options(Request).AllowMultipleToolCalls);
    }

    [Fact]
    public async Task Host_timings_on_the_last_update_are_the_usage_timings_so_a_cold_load_is_seen()
    {
        ChatResponseUpdate last = new(ChatRole.Assistant, [new UsageContent(new UsageDetails { InputTokenCount = 12, OutputTokenCount = 2 })])
        {
            FinishReason = ChatFinishReason.Stop,
            AdditionalProperties = new()
            {
                ["total_duration"] = TimeSpan.FromSeconds(3),
                ["load_duration"] = TimeSpan.FromSeconds(2),
                ["prompt_eval_duration"] = TimeSpan.FromMilliseconds(400),
                ["eval_duration"] = TimeSpan.FromMilliseconds(600),
            },
        };
        ScriptedChatClient client = new(new ChatResponseUpdate(ChatRole.Assistant, "Hel"), new ChatResponseUpdate(ChatRole.Assistant, "lo"), last);

        List<ModelChunk> chunks = await CollectAsync(client);

        Assert.Equal(["Hel", "lo", ""], chunks.Select(c => c.Text));
        ModelChunk done = chunks[^1];
        Assert.True(done.Done);
        Assert.Equal("stop", done.DoneReason);
        Assert.Equal(new ModelUsage(12, 2, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(600)), done.Usage);
    }

    [Fact]
    public async Task Without_host_timings_no_load_is_claimed_and_a_length_stop_is_reported_as_length()
    {
        ScriptedChatClient client = new(
            new ChatResponseUpdate(ChatRole.Assistant, "Hello"),
            new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails { InputTokenCount = 7, OutputTokenCount = 1 })]) { FinishReason = ChatFinishReason.Length });

        ModelChunk done = (await CollectAsync(client))[^1];

        Assert.Equal("length", done.DoneReason);
        Assert.Equal(TimeSpan.Zero, done.Usage?.LoadDuration);
        Assert.Equal(done.Usage?.TotalDuration, done.Usage?.PromptEvalDuration + done.Usage?.EvalDuration);
    }

    [Fact]
    public async Task Turns_and_generation_options_are_sent_as_chat_messages_and_options()
    {
        ScriptedChatClient client = new(new ChatResponseUpdate(ChatRole.Assistant, "ok") { FinishReason = ChatFinishReason.Stop });

        await CollectAsync(client);

        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.User], client.Messages.Select(m => m.Role));
        Assert.Equal("Again", client.Messages[^1].Text);
        Assert.Equal("qwen2.5:3b", client.Options?.ModelId);
        Assert.Equal(64, client.Options?.MaxOutputTokens);
        Assert.Equal(0.5f, client.Options?.Temperature);
        Assert.Equal(["\n\n"], client.Options?.StopSequences ?? []);
    }

    private static async Task<List<ModelChunk>> CollectAsync(IChatClient client)
    {
        List<ModelChunk> chunks = [];
        await foreach (ModelChunk chunk in ChatTranslation.StreamAsync(client, Request, CancellationToken.None))
        {
            chunks.Add(chunk);
        }

        return chunks;
    }
}

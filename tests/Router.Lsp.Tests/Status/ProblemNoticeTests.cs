using System.Text.Json;
using Router.Lsp.Contracts;
using Router.Protocol.Lsp;
using Router.Runtime.Health;

namespace Router.Lsp.Tests.Status;

public sealed class ProblemNoticeTests
{
    private const int Keystrokes = 20;

    [Fact]
    public async Task Many_completions_against_a_down_host_show_one_notice_that_says_what_to_do()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        await lsp.OpenAsync(Lines(Keystrokes));
        lsp.Provider.Failure = new HttpRequestException("Connection refused (127.0.0.1:11434)");

        await TypeAsync(lsp, Keystrokes);

        ShowMessageParams notice = Assert.Single(lsp.ShownMessages);
        Assert.Equal(MessageType.Warning, notice.Type);
        Assert.Contains("gpu-box", notice.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", notice.Message, StringComparison.Ordinal);
        Assert.Contains("ollama serve", notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_completions_with_the_model_missing_show_one_notice_naming_ollama_pull()
    {
        FakeModelStatus hosts = new();
        hosts.Missing.Add("qwen2.5-coder:14b");
        await using LspHarness lsp = await LspHarness.StartAsync(status: hosts);
        await lsp.OpenAsync(Lines(Keystrokes));

        await TypeAsync(lsp, Keystrokes);

        ShowMessageParams notice = Assert.Single(lsp.ShownMessages);
        Assert.Contains("ollama pull qwen2.5-coder:14b", notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_problem_is_told_again_only_after_it_was_resolved_and_came_back()
    {
        // A cooldown shorter than the test's steps, so every request is the circuit's trial and really fails.
        await using LspHarness lsp = await LspHarness.StartAsync(health: new EndpointHealthOptions { BaseCooldown = TimeSpan.FromTicks(1), MaxCooldown = TimeSpan.FromTicks(1) });
        await lsp.OpenAsync(Lines(10));
        lsp.Provider.Answer = _ => "1;";
        HttpRequestException down = new("host down");

        lsp.Provider.Failure = down;
        await TypeAsync(lsp, 3);
        lsp.Provider.Failure = null;
        Assert.Equal("1;", await lsp.InlineAsync(3, 8));
        lsp.Provider.Failure = down;
        await TypeAsync(lsp, 3, firstLine: 4);

        Assert.Equal(2, lsp.ShownMessages.Count);
    }

    [Fact]
    public async Task A_client_that_shows_router_status_gets_the_notice_there_and_no_show_message()
    {
        await using LspHarness lsp = await LspHarness.StartAsync(initialize: false);
        await lsp.InitializeAsync(initializationOptions: JsonDocument.Parse("""{"statusMessages":true}""").RootElement);
        await lsp.OpenAsync(Lines(5));
        lsp.Provider.Failure = new HttpRequestException("Connection refused");

        await TypeAsync(lsp, 5);

        Assert.Empty(lsp.ShownMessages);
        Assert.Single(lsp.Statuses, s => s.Severity is "error" or "warning");
    }

    private static string Lines(int count) => string.Join('\n', Enumerable.Repeat("var x = ", count));

    /// <summary>One completion per line, each waited for, then a round trip so every notification sent before it has arrived.</summary>
    private static async Task TypeAsync(LspHarness lsp, int count, int firstLine = 0)
    {
        for (int line = firstLine; line < firstLine + count; line++)
        {
            Assert.Null(await lsp.InlineAsync(line, 8));
        }

        await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.WhyThisModel), lsp.Timeout);
    }
}

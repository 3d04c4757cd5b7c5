using System.Text.Json;
using Router.Lsp.Contracts;
using Router.Protocol.Lsp;

namespace Router.Lsp.Tests.Completion;

public sealed class CompletionTraceNotificationTests
{
    [Fact]
    public async Task Client_that_asks_for_traces_receives_one_per_completion()
    {
        await using LspHarness lsp = await LspHarness.StartAsync(initialize: false);
        await lsp.InitializeAsync(initializationOptions: JsonDocument.Parse("""{"completionTraces":true}""").RootElement.Clone());
        lsp.Provider.Answer = _ => "Run();";
        await lsp.OpenAsync("app.");

        await lsp.InlineAsync(0, 4);
        CompletionTraceParams trace = await lsp.NextWireTraceAsync();

        Assert.Equal(LspMethods.InlineCompletion, trace.Method);
        Assert.Equal("code", trace.Tier);
        Assert.Equal("qwen2.5-coder:14b", trace.Model);
        Assert.Equal("gpu-box", trace.Endpoint);
        Assert.Equal("completed", trace.Outcome);
        Assert.Equal(42, trace.PromptTokens);
        Assert.Equal(6, trace.CompletionLength);
        Assert.True(trace.LatencyMs >= 0);
    }

    [Theory]
    [InlineData("\"just a string\"")]
    [InlineData("{\"completionTraces\":\"yes\"}")]
    [InlineData("[1,2]")]
    public async Task Unexpected_initialization_options_are_tolerated(string options)
    {
        await using LspHarness lsp = await LspHarness.StartAsync(initialize: false);

        InitializeResult result = await lsp.InitializeAsync(initializationOptions: JsonDocument.Parse(options).RootElement.Clone());

        Assert.True(result.Capabilities.InlineCompletionProvider);
    }
}

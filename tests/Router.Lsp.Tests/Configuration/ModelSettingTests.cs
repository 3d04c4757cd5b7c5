using System.Text.Json;
using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Lsp.Contracts;
using Router.Protocol;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;
using Router.Runtime.Configuration;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Lsp.Tests.Configuration;

public sealed class ModelSettingTests
{
    private const string Code = "int Twice(int x)\n{\n    return x * 2;\n}\n";

    private static LspJsonContext Json => LspJsonContext.Default;

    private static RouterJsonContext RouterJson => RouterJsonContext.Default;

    [Fact]
    public void The_models_section_is_read_per_kind_and_an_empty_name_means_as_routed()
    {
        EditorSettings settings = EditorSettings.Read(JsonDocument.Parse("""{"models":{"completion":"starcoder2:3b","explain":"","refactor":7,"chat":"qwen2.5-coder:32b"}}""").RootElement);

        Assert.Equal(new ModelOverrides("starcoder2:3b", null, null, "qwen2.5-coder:32b"), settings.Models);
    }

    [Fact]
    public async Task A_completion_model_set_in_the_editor_applies_without_a_restart_and_the_status_names_the_setting()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Answer = request => $"\"{request.Model}\";";
        await lsp.OpenAsync("var x = ");

        Assert.Equal("\"qwen2.5-coder:14b\";", await lsp.InlineAsync(0, 8));

        await PushSettingsAsync(lsp, """{"models":{"completion":"qwen2.5-coder:32b"}}""");

        // Same place as before: the cached answer of the model routed before is not shown.
        Assert.Equal("\"qwen2.5-coder:32b\";", await lsp.InlineAsync(0, 8));
        RouterStatusParams status = await WaitForStatusAsync(lsp, s => s.Model == "qwen2.5-coder:32b");
        Assert.Equal("router.models.completion", status.ModelSetBy);
    }

    [Fact]
    public async Task An_explain_model_set_in_the_editor_is_used_and_why_this_model_says_so()
    {
        await using LspHarness lsp = await LspHarness.StartAsync();
        lsp.Provider.Answer = request => $"Doubles x. ({request.Model})";
        await lsp.OpenAsync(Code);
        await PushSettingsAsync(lsp, """{"models":{"explain":"mistral:7b"}}""");

        await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.Explain, [Selection()]), lsp.Timeout);

        JsonElement why = await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.WhyThisModel), lsp.Timeout);
        RouterDecisionInfo decision = why.Deserialize(RouterJson.RouterDecisionsResult)!.Decisions[0];
        Assert.Equal(("quick", "mistral:7b", "gpu-box"), (decision.Tier, decision.Model, decision.Endpoint));
        Assert.Contains(decision.Reasons, r => r.StartsWith("model set by router.models.explain: mistral:7b", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_explain_model_the_host_does_not_have_fails_with_ollama_pull_instead_of_another_model_answering()
    {
        FakeModelStatus hosts = new();
        hosts.Missing.Add("mistral:7b");
        await using LspHarness lsp = await LspHarness.StartAsync(status: hosts);
        lsp.Provider.Answer = _ => "Doubles x.";
        await lsp.OpenAsync(Code);
        await PushSettingsAsync(lsp, """{"models":{"explain":"mistral:7b"}}""");

        JsonRpcException error = await Assert.ThrowsAsync<JsonRpcException>(
            () => lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.Explain, [Selection()]), lsp.Timeout));

        Assert.Contains("ollama pull mistral:7b", error.Message, StringComparison.Ordinal);
        Assert.Empty(lsp.Provider.Requests);
    }

    [Fact]
    public async Task A_cloud_model_set_for_chat_never_takes_a_request_while_the_editor_is_local_only()
    {
        const string yaml = """
            endpoints:
              gpu-box: { provider: ollama, url: "http://127.0.0.1:11434" }
              claude: { provider: anthropic, apiKeyEnv: TEST_KEY, cloud: true }
            tiers:
              quick: { model: "qwen2.5:3b", endpoints: [gpu-box], contextTokens: 8192 }
              code: { model: "qwen2.5-coder:14b", endpoints: [gpu-box], contextTokens: 16384 }
              heavy: { model: "qwen2.5-coder:32b", endpoints: [gpu-box], contextTokens: 32768 }
              frontier: { model: "claude-sonnet-4-5", endpoints: [claude], contextTokens: 200000, usdPerMillionInput: 3, usdPerMillionOutput: 15 }
            """;
        ConfigLoadResult loaded = RouterConfigLoader.Load(yaml, "test.yaml", _ => "key");
        await using LspHarness lsp = await LspHarness.StartAsync(config: RouterConfigSource.Fixed(loaded.Config ?? throw new InvalidOperationException(string.Join("; ", loaded.Errors))));
        lsp.Provider.Answer = request => $"answered by {request.Model}";
        await PushSettingsAsync(lsp, """{"privacy":{"localOnly":true},"models":{"chat":"claude-sonnet-4-5"}}""");

        RouterAskArguments ask = new("Summarise the design of a rate limiter.");
        await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.Ask, [JsonSerializer.SerializeToElement(ask, RouterJson.RouterAskArguments)]), lsp.Timeout);

        Assert.DoesNotContain("claude", lsp.Providers.EndpointsAsked);
        JsonElement why = await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.WhyThisModel), lsp.Timeout);
        RouterDecisionInfo decision = why.Deserialize(RouterJson.RouterDecisionsResult)!.Decisions[0];
        Assert.Equal("gpu-box", decision.Endpoint);
        Assert.Contains(decision.Reasons, r => r.StartsWith("router.models.chat (claude-sonnet-4-5, tier frontier) set aside: the request is private", StringComparison.Ordinal));
    }

    private static JsonElement Selection() =>
        JsonSerializer.SerializeToElement(new RouterSelectionArguments(LspHarness.Uri, new Range(new Position(0, 0), new Position(4, 0))), RouterJson.RouterSelectionArguments);

    // The harness's client doesn't answer workspace/configuration, so it pushes the section with the change.
    private static Task PushSettingsAsync(LspHarness lsp, string router) =>
        lsp.Client.Connection.SendNotificationAsync(
            LspMethods.DidChangeConfiguration,
            new DidChangeConfigurationParams(JsonDocument.Parse($$"""{"router":{{router}}}""").RootElement),
            Json.DidChangeConfigurationParams,
            lsp.Timeout);

    private static async Task<RouterStatusParams> WaitForStatusAsync(LspHarness lsp, Func<RouterStatusParams, bool> wanted)
    {
        while (true)
        {
            if (lsp.Statuses.FirstOrDefault(wanted) is { } status)
            {
                return status;
            }

            await Task.Delay(10, lsp.Timeout);
        }
    }
}

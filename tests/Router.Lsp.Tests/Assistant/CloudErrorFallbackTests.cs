using System.Text.Json;
using Router.Backends.Endpoints;
using Router.Core.Configuration;
using Router.Emulator;
using Router.Lsp.Contracts;
using Router.Protocol.Lsp;
using Router.Runtime.Configuration;
using Range = Router.Protocol.Lsp.Range;

namespace Router.Lsp.Tests.Assistant;

/// <summary>A cloud endpoint behind a proxy answers errors in the proxy's own shape; over real loopback HTTP the request still
/// goes down the fallback chain instead of failing with an internal error.</summary>
public sealed class CloudErrorFallbackTests
{
    private const string Code = "int Twice(int x)\n{\n    return x * 2;\n}\n";

    public static TheoryData<int, string, string> ProxyReplies => new()
    {
        { 500, "application/json", "{\"error\":\"internal error\"}" },
        { 502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>" },
        { 504, "text/plain", "" },
        { 529, "application/json", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}" },
    };

    [Theory]
    [MemberData(nameof(ProxyReplies))]
    public async Task An_explain_routed_to_the_cloud_falls_back_to_heavy_whatever_the_error_body(int status, string contentType, string body)
    {
        await using EmulatorServer cloud = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0 }, CancellationToken.None);
        await using EmulatorServer gpuBox = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0 }, CancellationToken.None);
        cloud.SetFaults(new EmulatorFaultSet { ErrorStatus = status, ErrorBody = body, ErrorContentType = contentType });
        using ModelProviderPool providers = new(readVariable: name => name == "ROUTER_TEST_CLOUD_KEY" ? "sk-ant-test" : null);
        using RouterConfigSource config = RouterConfigSource.Fixed(Load($$"""
            endpoints:
              claude:
                provider: anthropic
                url: {{cloud.BaseAddress}}
                apiKeyEnv: ROUTER_TEST_CLOUD_KEY
                cloud: true
              gpu-box:
                provider: ollama
                url: {{gpuBox.BaseAddress}}
            tiers:
              quick: { model: "qwen2.5:3b", endpoints: [gpu-box], contextTokens: 8192 }
              heavy: { model: "qwen2.5-coder:32b", endpoints: [gpu-box], contextTokens: 32768 }
              frontier: { model: "claude-sonnet-4-5", endpoints: [claude], contextTokens: 200000 }
            routes:
              explain: frontier
            fallbacks:
              frontier: [heavy]
            """));
        await using LspHarness lsp = await LspHarness.StartAsync(config: config, providers: providers);
        await lsp.OpenAsync(Code);
        JsonElement selection = JsonSerializer.SerializeToElement(
            new RouterSelectionArguments(LspHarness.Uri, new Range(new Position(0, 0), new Position(4, 0)), null), RouterJsonContext.Default.RouterSelectionArguments);

        JsonElement started = await lsp.Client.ExecuteCommandAsync(new ExecuteCommandParams(RouterCommands.Explain, [selection]), lsp.Timeout);

        string id = started.GetProperty("id").GetString()!;
        while (!lsp.Answers.Any(a => a.Id == id && a.Done))
        {
            await Task.Delay(10, lsp.Timeout);
        }

        RouterAnswerParams last = lsp.Answers.Last(a => a.Id == id);
        Assert.Equal(("heavy", "gpu-box"), (last.Tier, last.Endpoint));
        Assert.Equal("/v1/messages", Assert.Single(cloud.Requests).Endpoint);
    }

    private static RouterConfig Load(string yaml)
    {
        ConfigLoadResult loaded = RouterConfigLoader.Load(yaml, "router.yaml", name => name == "ROUTER_TEST_CLOUD_KEY" ? "sk-ant-test" : null);
        return loaded.Config ?? throw new InvalidOperationException(string.Join("; ", loaded.Errors));
    }
}

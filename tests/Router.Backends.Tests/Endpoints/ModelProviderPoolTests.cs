using Router.Backends.Anthropic;
using Router.Backends.Endpoints;
using Router.Backends.Ollama;
using Router.Backends.OpenAi;
using Router.Backends.Providers;
using Router.Core.Configuration;
using static Router.Backends.Tests.OpenAi.OpenAiProviderTests;

namespace Router.Backends.Tests.Endpoints;

public sealed class ModelProviderPoolTests
{
    [Fact]
    public void Each_provider_kind_gets_its_own_provider()
    {
        using var pool = new ModelProviderPool(readVariable: _ => null);

        Assert.IsType<OllamaProvider>(pool.ProviderFor(new EndpointConfig("box", ProviderKind.Ollama, new Uri("http://127.0.0.1:11434"), null, false)));
        Assert.IsType<OpenAiProvider>(pool.ProviderFor(new EndpointConfig("vllm", ProviderKind.OpenAi, new Uri("http://127.0.0.1:8000/v1"), null, false)));
        Assert.IsType<AnthropicProvider>(pool.ProviderFor(new EndpointConfig("claude", ProviderKind.Anthropic, null, "ANTHROPIC_API_KEY", true)));
    }

    [Fact]
    public async Task Cloud_endpoint_reads_its_key_from_the_named_variable()
    {
        await using var host = await StartAsync(apiKey: "sk-from-env");
        var asked = new List<string>();
        using var pool = new ModelProviderPool(readVariable: name =>
        {
            asked.Add(name);
            return name == "ROUTER_TEST_KEY" ? "sk-from-env" : null;
        });
        var endpoint = new EndpointConfig("cloud", ProviderKind.OpenAi, new Uri(host.Emulator.BaseAddress, "v1"), "ROUTER_TEST_KEY", true);

        var chunks = await CollectAsync(pool.ProviderFor(endpoint), new ModelRequest("qwen2.5:3b") { Prompt = "hi" });

        Assert.True(chunks[^1].Done);
        Assert.Equal(["ROUTER_TEST_KEY"], asked);
    }

    [Fact]
    public async Task Cloud_endpoint_with_an_unset_variable_fails_Unauthorized_and_sends_nothing()
    {
        await using var host = await StartAsync(apiKey: "sk-from-env");
        using var pool = new ModelProviderPool(readVariable: _ => null);
        var endpoint = new EndpointConfig("claude", ProviderKind.Anthropic, host.Emulator.BaseAddress, "ROUTER_TEST_ANTHROPIC", true);

        var error = await Assert.ThrowsAsync<ProviderException>(
            () => CollectAsync(pool.ProviderFor(endpoint), new ModelRequest("qwen2.5:3b") { Prompt = "hi" }));

        Assert.Equal(ProviderErrorKind.Unauthorized, error.Kind);
        Assert.Contains("ROUTER_TEST_ANTHROPIC", error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Emulator.Requests);
    }
}

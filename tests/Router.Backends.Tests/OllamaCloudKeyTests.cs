using Router.Backends.Endpoints;
using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Emulator;

namespace Router.Backends.Tests;

/// <summary>Ollama's cloud as an endpoint: an <c>ollama</c> endpoint with <c>apiKeyEnv</c> against an emulator that, like
/// ollama.com, refuses the Ollama API without the bearer key.</summary>
public sealed class OllamaCloudKeyTests
{
    private const string Key = "ollama-cloud-test-key";

    private static EndpointConfig CloudEndpoint(EmulatorServer emulator) =>
        new("ollama-cloud", ProviderKind.Ollama, emulator.BaseAddress, "OLLAMA_API_KEY", Cloud: true);

    private static async Task<List<ModelChunk>> AskAsync(IModelProvider provider)
    {
        List<ModelChunk> chunks = [];
        await foreach (ModelChunk chunk in provider.StreamAsync(new ModelRequest("qwen2.5:3b") { Prompt = "Summarise the borrow checker" }, EmulatedHost.Deadline()))
        {
            chunks.Add(chunk);
        }

        return chunks;
    }

    [Fact]
    public async Task The_key_from_its_variable_is_sent_as_a_bearer_token_and_the_cloud_answers()
    {
        await using EmulatorServer emulator = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0, OllamaApiKey = Key }, CancellationToken.None);
        using HttpClient http = ProviderHttpClient.Create();
        using ModelProviderPool pool = new(http, name => name == "OLLAMA_API_KEY" ? Key : null);

        List<ModelChunk> chunks = await AskAsync(pool.ProviderFor(CloudEndpoint(emulator)));

        Assert.True(chunks[^1].Done);
        Assert.True(chunks[^1].Usage!.OutputTokens > 0);
        Assert.Contains(emulator.Requests, r => r.Endpoint == "/api/generate");
    }

    [Fact]
    public async Task A_wrong_key_is_refused_as_unauthorized_and_named_by_its_variable()
    {
        await using EmulatorServer emulator = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0, OllamaApiKey = Key }, CancellationToken.None);
        using HttpClient http = ProviderHttpClient.Create();
        using ModelProviderPool pool = new(http, name => name == "OLLAMA_API_KEY" ? "stale-key" : null);

        ProviderException refused = await Assert.ThrowsAsync<ProviderException>(() => AskAsync(pool.ProviderFor(CloudEndpoint(emulator))));

        Assert.Equal(ProviderErrorKind.Unauthorized, refused.Kind);
        Assert.Contains("OLLAMA_API_KEY", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("stale-key", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_the_emulator_refuses_the_ollama_api()
    {
        await using EmulatorServer emulator = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0, OllamaApiKey = Key }, CancellationToken.None);
        using HttpClient http = new();

        using HttpResponseMessage tags = await http.GetAsync(new Uri(emulator.BaseAddress, "api/tags"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, tags.StatusCode);
    }
}

using System.Collections.Concurrent;
using Router.Backends.Anthropic;
using Router.Backends.FillInTheMiddle;
using Router.Backends.Ollama;
using Router.Backends.OpenAi;
using Router.Backends.Providers;
using Router.Core.Configuration;

namespace Router.Backends.Endpoints;

/// <summary>One provider per configured endpoint, sharing one HTTP client; a reloaded config with a new URL gets a new provider.</summary>
public sealed class ModelProviderPool : IModelProviderSource, IDisposable
{
    private readonly HttpClient _http;
    private readonly Func<string, string?> _readVariable;
    private readonly FillInTheMiddleModeBook _modes;
    private readonly ConcurrentDictionary<EndpointConfig, IModelProvider> _providers = new();

    /// <param name="http">Shared client; null makes one that fails fast on a dead host (see <see cref="ProviderHttpClient.Create"/>).</param>
    /// <param name="readVariable">Reads the environment variable an endpoint's ApiKeyEnv names; null reads the process environment.</param>
    /// <param name="modes">Where each endpoint's fill-in-the-middle mode per model is kept; null is the process's shared book.</param>
    public ModelProviderPool(HttpClient? http = null, Func<string, string?>? readVariable = null, FillInTheMiddleModeBook? modes = null)
    {
        _modes = modes ?? FillInTheMiddleModeBook.Shared;
        _http = http ?? ProviderHttpClient.Create();
        _readVariable = readVariable ?? Environment.GetEnvironmentVariable;
    }

    public IModelProvider ProviderFor(EndpointConfig endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return _providers.GetOrAdd(endpoint, Create);
    }

    public void Dispose()
    {
        foreach (var provider in _providers.Values.OfType<IDisposable>())
        {
            provider.Dispose();
        }

        _http.Dispose();
    }

    private IModelProvider Create(EndpointConfig endpoint) => endpoint.Provider switch
    {
        ProviderKind.Ollama => new OllamaProvider(
            endpoint.Name,
            endpoint.Url ?? throw new EndpointUnavailableException($"endpoint '{endpoint.Name}' has no url"),
            _http,
            ApiKeySource.Read(endpoint.ApiKeyEnv, _readVariable)),
        ProviderKind.OpenAi => new OpenAiProvider(
            endpoint.Name,
            endpoint.Url ?? OpenAiProvider.DefaultBaseAddress,
            ApiKeySource.Read(endpoint.ApiKeyEnv, _readVariable),
            _http,
            endpoint.FillInTheMiddle,
            _modes),
        ProviderKind.Anthropic => new AnthropicProvider(
            endpoint.Name, endpoint.Url ?? AnthropicProvider.DefaultBaseAddress, ApiKeySource.Read(endpoint.ApiKeyEnv, _readVariable), _http),
        _ => throw new EndpointUnavailableException($"endpoint '{endpoint.Name}': the {endpoint.Provider} provider is not available in this build"),
    };
}

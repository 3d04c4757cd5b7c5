using System.Collections.Concurrent;
using Router.Backends.Ollama;
using Router.Backends.Providers;
using Router.Core.Configuration;

namespace Router.Backends.Endpoints;

/// <summary>One provider per configured endpoint, sharing one HTTP client; a reloaded config with a new URL gets a new provider.</summary>
public sealed class ModelProviderPool : IModelProviderSource, IDisposable
{
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<EndpointConfig, IModelProvider> _providers = new();

    /// <param name="http">Shared client; null makes one that fails fast on a dead host (see <see cref="OllamaClient.CreateHttpClient"/>).</param>
    public ModelProviderPool(HttpClient? http = null)
    {
        _http = http ?? OllamaClient.CreateHttpClient();
    }

    public IModelProvider ProviderFor(EndpointConfig endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return _providers.GetOrAdd(endpoint, Create, _http);
    }

    public void Dispose() => _http.Dispose();

    private static IModelProvider Create(EndpointConfig endpoint, HttpClient http) => endpoint.Provider switch
    {
        ProviderKind.Ollama => new OllamaProvider(
            endpoint.Name,
            endpoint.Url ?? throw new EndpointUnavailableException($"endpoint '{endpoint.Name}' has no url"),
            http),
        _ => throw new EndpointUnavailableException(
            $"endpoint '{endpoint.Name}': the {endpoint.Provider} provider is not available in this build; use an Ollama endpoint"),
    };
}

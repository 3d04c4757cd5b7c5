using Microsoft.Extensions.AI;
using Router.Backends.Providers;

namespace Router.Backends.Anthropic;

/// <summary>Anthropic's Messages API as an <see cref="IModelProvider"/>, through the router's own client
/// (<see cref="AnthropicMessagesClient"/>, source-generated JSON only): system turns go to the system field, text deltas
/// stream, usage arrives on the final chunk.</summary>
public sealed class AnthropicProvider : IModelProvider, IDisposable
{
    /// <summary>Anthropic's own API, for an endpoint that names no URL.</summary>
    public static Uri DefaultBaseAddress { get; } = new("https://api.anthropic.com");

    /// <summary>The Messages API requires max_tokens; used when the request sets none.</summary>
    public const int DefaultMaxTokens = AnthropicChatClient.DefaultMaxTokens;

    private readonly AnthropicMessagesClient _messages;

    /// <param name="endpointName">The configuration's endpoint name, used in traces.</param>
    /// <param name="baseAddress">The API root without /v1, e.g. https://api.anthropic.com.</param>
    /// <param name="key">The key and the variable it came from: only this key is ever sent, as x-api-key.</param>
    /// <param name="httpClient">Shared client; it should fail fast on a dead host and have no overall timeout.</param>
    public AnthropicProvider(string endpointName, Uri baseAddress, ApiKeySource key, HttpClient httpClient)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(httpClient);
        EndpointName = endpointName;
        Uri root = new(baseAddress.ToString().TrimEnd('/'));
        _messages = new AnthropicMessagesClient(root, key, httpClient);
        ChatClient = new AnthropicChatClient(_messages, root);
    }

    public string EndpointName { get; }

    /// <summary>This host's chat as an <see cref="IChatClient"/>: name the model in <see cref="ChatOptions.ModelId"/>; every
    /// failure is a <see cref="ProviderException"/>.</summary>
    public IChatClient ChatClient { get; }

    public IAsyncEnumerable<ModelChunk> StreamAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _messages.CheckKey(request.Model);
        return ChatTranslation.StreamAsync(ChatClient, request, cancellationToken);
    }

    public void Dispose()
    {
        // The HTTP client is the pool's, shared by every provider; this provider holds nothing of its own.
    }
}

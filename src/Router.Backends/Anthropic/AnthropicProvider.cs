using System.Text.Json;
using Anthropic;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;
using Router.Backends.Providers;
using Router.Core.Redaction;

namespace Router.Backends.Anthropic;

/// <summary>Anthropic's Messages API as an <see cref="IModelProvider"/>, through the official package's
/// <see cref="IChatClient"/>: system turns go to the system field, text deltas stream, usage arrives on the final chunk.</summary>
public sealed class AnthropicProvider : IModelProvider, IDisposable
{
    /// <summary>Anthropic's own API, for an endpoint that names no URL.</summary>
    public static Uri DefaultBaseAddress { get; } = new("https://api.anthropic.com");

    /// <summary>The Messages API requires max_tokens; used when the request sets none.</summary>
    public const int DefaultMaxTokens = 4096;

    // The package would otherwise look for a key of its own in the environment; a local stand-in needs none.
    private const string PlaceholderKey = "not-needed";

    private static readonly JsonDocument NoMessages = JsonDocument.Parse("[]");

    private readonly Uri _baseAddress;
    private readonly ApiKeySource _key;
    private readonly HttpClient _http;
    private readonly AnthropicClient _client;

    /// <param name="endpointName">The configuration's endpoint name, used in traces.</param>
    /// <param name="baseAddress">The API root without /v1, e.g. https://api.anthropic.com.</param>
    /// <param name="key">The key and the variable it came from.</param>
    /// <param name="httpClient">Shared client; it should fail fast on a dead host and have no overall timeout.</param>
    public AnthropicProvider(string endpointName, Uri baseAddress, ApiKeySource key, HttpClient httpClient)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(httpClient);
        EndpointName = endpointName;
        _baseAddress = new Uri(baseAddress.ToString().TrimEnd('/'));
        _key = key;
        _http = ErrorReplyHandler.Wrap(httpClient);

        // The package sends its key as a bearer token; the Messages API documents x-api-key, which Anthropic-shaped proxies expect.
        if (key.Key is { } value)
        {
            _http.DefaultRequestHeaders.TryAddWithoutValidation("x-api-key", value);
        }

        _client = new AnthropicClient
        {
            ApiKey = key.Key ?? PlaceholderKey,

            // Only the configured variable's key may be sent; never a token the package would pick up from the environment.
            AuthToken = null,
            BaseUrl = _baseAddress.ToString(),
            HttpClient = _http,

            // The router falls back to the next host itself; the package's retries would only delay that.
            MaxRetries = 0,
        };
        IChatClient messages = _client.AsIChatClient(defaultModelId: null, defaultMaxOutputTokens: DefaultMaxTokens);
        ChatClient = new ProviderChatClient(_baseAddress, "anthropic", _ => messages, Translate, () => CheckKey(null), CarryTemperature);
    }

    public string EndpointName { get; }

    /// <summary>This host's chat as an <see cref="IChatClient"/> (the package's own adapter): name the model in
    /// <see cref="ChatOptions.ModelId"/>; every failure is a <see cref="ProviderException"/>.</summary>
    public IChatClient ChatClient { get; }

    public IAsyncEnumerable<ModelChunk> StreamAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckKey(request.Model);
        return ChatTranslation.StreamAsync(ChatClient, request, cancellationToken);
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }

    /// <summary>What a failure of the package's message stream means, in the provider's terms.</summary>
    private Exception Translate(Exception e, string model, CancellationToken cancellationToken) => e switch
    {
        // Any status with any body, read by the handler before the package could choke on a shape it does not know.
        _ when HttpErrorReplyException.FindIn(e) is { } reply => ProviderException.FromReply(reply, _baseAddress, model, _key, e),

        // A cancel can surface as the package's I/O error: it is still the caller's cancel.
        _ when cancellationToken.IsCancellationRequested => new OperationCanceledException("The request was cancelled.", e, cancellationToken),
        AnthropicSseException => Failure(ProviderErrorKind.ServerError, model, $"error event in the stream: {Shorten(e.Message)}", null, e),
        AnthropicIOException => Failure(ProviderErrorKind.Unreachable, model, $"cannot reach the host ({Shorten(e.InnerException?.Message ?? e.Message)})", null, e),
        HttpRequestException => Failure(ProviderErrorKind.Unreachable, model, $"cannot reach the host ({Shorten(e.Message)})", null, e),
        IOException => Failure(ProviderErrorKind.StreamCut, model, $"the message stream broke ({Shorten(e.Message)})", null, e),
        _ => Failure(ProviderErrorKind.BadResponse, model, $"the host's answer could not be read ({e.GetType().Name}: {Shorten(e.Message)})", null, e),
    };

    /// <summary>The package dropped temperature from its typed parameters (the newest models refuse it), so its chat adapter
    /// cannot send <see cref="ChatOptions.Temperature"/>; older models and Anthropic-shaped proxies still honour it, so it
    /// goes in the raw body the adapter starts from (with the model, max_tokens and messages, which that body must then hold).</summary>
    private static ChatOptions CarryTemperature(ChatOptions options)
    {
        if (options.Temperature is not { } temperature || options.RawRepresentationFactory is not null)
        {
            return options;
        }

        ChatOptions carried = options.Clone();
        Dictionary<string, JsonElement> body = new(StringComparer.Ordinal)
        {
            ["model"] = JsonSerializer.SerializeToElement(options.ModelId, AnthropicJsonContext.Default.String),
            ["max_tokens"] = JsonSerializer.SerializeToElement(options.MaxOutputTokens ?? DefaultMaxTokens, AnthropicJsonContext.Default.Int32),
            ["temperature"] = JsonSerializer.SerializeToElement(temperature, AnthropicJsonContext.Default.Single),

            // Required; the adapter appends the conversation's messages to these.
            ["messages"] = NoMessages.RootElement,
        };
        carried.RawRepresentationFactory = _ => MessageCreateParams.FromRawUnchecked(
            new Dictionary<string, JsonElement>(), new Dictionary<string, JsonElement>(), body);
        return carried;
    }

    private void CheckKey(string? model)
    {
        if (_key.IsMissing)
        {
            throw new ProviderException(
                ProviderErrorKind.Unauthorized, _baseAddress, model, $"no API key: the environment variable {_key.VariableName} is not set");
        }
    }

    private ProviderException Failure(ProviderErrorKind kind, string model, string message, int? status, Exception inner) =>
        new(kind, _baseAddress, model, message, status, inner);

    private static string Shorten(string text) => HttpErrorReply.Cut(text);
}

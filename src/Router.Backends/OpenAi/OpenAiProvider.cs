using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using Router.Backends.FillInTheMiddle;
using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.Redaction;

namespace Router.Backends.OpenAi;

/// <summary>An OpenAI-compatible server (vLLM, llama.cpp, LM Studio, LiteLLM, OpenAI) as an <see cref="IModelProvider"/>:
/// messages (or a prompt alone) go through <see cref="ChatClient"/>, Microsoft.Extensions.AI's adapter over the official package; prompt + suffix is filled in the middle in the mode the server takes (see
/// <see cref="OpenAiFillInTheMiddle"/>).</summary>
public sealed class OpenAiProvider : IModelProvider, IDisposable
{
    /// <summary>OpenAI's own API, for an endpoint that names no URL.</summary>
    public static Uri DefaultBaseAddress { get; } = new("https://api.openai.com/v1");

    // The package refuses an empty key; local servers ignore whatever is sent.
    private const string PlaceholderKey = "not-needed";

    private readonly Uri _baseAddress;
    private readonly ApiKeySource _key;
    private readonly HttpClient _http;
    private readonly OpenAIClientOptions _clientOptions;
    private readonly OpenAiFillInTheMiddle _fillInTheMiddle;

    /// <param name="endpointName">The configuration's endpoint name, used in traces.</param>
    /// <param name="baseAddress">The API root including /v1, e.g. http://gpu-box:8000/v1.</param>
    /// <param name="key">The key and the variable it came from; <see cref="ApiKeySource.None"/> for a local server.</param>
    /// <param name="httpClient">Shared client; it should fail fast on a dead host and have no overall timeout (streams are long).</param>
    /// <param name="fillInTheMiddle">The endpoint's <c>fim:</c> mode from router.yaml; null detects it.</param>
    /// <param name="modes">Where the mode found for each model is kept; null is the process's shared book.</param>
    public OpenAiProvider(
        string endpointName,
        Uri baseAddress,
        ApiKeySource key,
        HttpClient httpClient,
        FillInTheMiddleMode? fillInTheMiddle = null,
        FillInTheMiddleModeBook? modes = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(httpClient);
        EndpointName = endpointName;
        _baseAddress = new Uri(baseAddress.ToString().TrimEnd('/'));
        _key = key;
        _http = ErrorReplyHandler.Wrap(httpClient);
        _clientOptions = new OpenAIClientOptions
        {
            Endpoint = _baseAddress,
            Transport = new HttpClientPipelineTransport(_http),

            // The router falls back to the next host itself; the package's retries would only delay that.
            RetryPolicy = new ClientRetryPolicy(0),
        };
        ChatClient = new ProviderChatClient(_baseAddress, "openai", ChatClientFor, Translate, CheckKey);
        _fillInTheMiddle = new OpenAiFillInTheMiddle(_baseAddress, key, httpClient, _http, fillInTheMiddle, modes ?? FillInTheMiddleModeBook.Shared);
    }

    public string EndpointName { get; }

    /// <summary>This host's chat as an <see cref="IChatClient"/> (Microsoft.Extensions.AI's adapter over the package's chat client):
    /// name the model in <see cref="ChatOptions.ModelId"/>; every failure is a <see cref="ProviderException"/>.</summary>
    public IChatClient ChatClient { get; }

    public void Dispose() => _http.Dispose();

    /// <summary>The fill-in-the-middle mode this endpoint uses for <paramref name="model"/> and how it was found; the first call
    /// may ask the server what it is.</summary>
    public Task<FillInTheMiddleChoice> FillInTheMiddleModeAsync(string model, CancellationToken cancellationToken) =>
        _fillInTheMiddle.ChooseAsync(model, cancellationToken);

    public IAsyncEnumerable<ModelChunk> StreamAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckKey(request.Model);
        return request.Suffix is not null && request.Messages is not { Count: > 0 }
            ? _fillInTheMiddle.StreamAsync(request, cancellationToken)
            : ChatTranslation.StreamAsync(ChatClient, request, cancellationToken);
    }

    // The package's chat client is bound to one model; making one is cheap (no connection of its own).
    private IChatClient ChatClientFor(string model) =>
        new ChatClient(model, new ApiKeyCredential(_key.Key ?? PlaceholderKey), _clientOptions).AsIChatClient();

    private void CheckKey() => CheckKey(null);

    private void CheckKey(string? model)
    {
        if (_key.IsMissing)
        {
            throw new ProviderException(
                ProviderErrorKind.Unauthorized, _baseAddress, model, $"no API key: the environment variable {_key.VariableName} is not set");
        }
    }

    /// <summary>What a failure of the package's chat stream means, in the provider's terms.</summary>
    private Exception Translate(Exception e, string model, CancellationToken cancellationToken) => e switch
    {
        // Any status with any body, read by the handler before the package parsed it.
        _ when HttpErrorReplyException.FindIn(e) is { } reply => ProviderException.FromReply(reply, _baseAddress, model, _key, e),

        // A cancel can surface as the package's transport error: it is still the caller's cancel.
        _ when cancellationToken.IsCancellationRequested => new OperationCanceledException("The request was cancelled.", e, cancellationToken),
        ClientResultException { Status: 0 } => new ProviderException(
            ProviderErrorKind.Unreachable, _baseAddress, model, $"cannot reach the host ({HttpErrorReply.Cut(e.InnerException?.Message ?? e.Message)})", null, e),

        // Only a success status gets past the handler; a package error on one is a reply it could not read.
        ClientResultException failed => new ProviderException(
            ProviderErrorKind.BadResponse, _baseAddress, model, $"unexpected reply {failed.Status}: {HttpErrorReply.Cut(e.Message)}", failed.Status, e),
        IOException or HttpRequestException or JsonException => new ProviderException(
            ProviderErrorKind.StreamCut, _baseAddress, model, $"the chat stream broke ({HttpErrorReply.Cut(e.Message)})", null, e),
        _ => new ProviderException(
            ProviderErrorKind.BadResponse, _baseAddress, model, $"the host's answer could not be read ({e.GetType().Name}: {HttpErrorReply.Cut(e.Message)})", null, e),
    };

    /// <summary>OpenAI reports no timings: the wall clock splits at the first token; no load time is known.</summary>
    internal static ModelUsage Usage(int promptTokens, int outputTokens, TimeSpan total, TimeSpan? firstToken) =>
        new(promptTokens, outputTokens, total, TimeSpan.Zero, firstToken ?? total, total - (firstToken ?? total));
}

using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using Router.Backends.Providers;
using Router.Core.Redaction;

namespace Router.Backends.OpenAi;

/// <summary>An OpenAI-compatible server (vLLM, llama.cpp, LM Studio, LiteLLM, OpenAI) as an <see cref="IModelProvider"/>:
/// messages (or a prompt alone) go through <see cref="ChatClient"/>, Microsoft.Extensions.AI's adapter over the official package; prompt + suffix goes to /v1/completions.</summary>
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

    /// <param name="endpointName">The configuration's endpoint name, used in traces.</param>
    /// <param name="baseAddress">The API root including /v1, e.g. http://gpu-box:8000/v1.</param>
    /// <param name="key">The key and the variable it came from; <see cref="ApiKeySource.None"/> for a local server.</param>
    /// <param name="httpClient">Shared client; it should fail fast on a dead host and have no overall timeout (streams are long).</param>
    public OpenAiProvider(string endpointName, Uri baseAddress, ApiKeySource key, HttpClient httpClient)
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
    }

    public string EndpointName { get; }

    /// <summary>This host's chat as an <see cref="IChatClient"/> (Microsoft.Extensions.AI's adapter over the package's chat client):
    /// name the model in <see cref="ChatOptions.ModelId"/>; every failure is a <see cref="ProviderException"/>.</summary>
    public IChatClient ChatClient { get; }

    public void Dispose() => _http.Dispose();

    public IAsyncEnumerable<ModelChunk> StreamAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckKey(request.Model);
        return request.Suffix is not null && request.Messages is not { Count: > 0 }
            ? CompleteAsync(request, cancellationToken)
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

    private async IAsyncEnumerable<ModelChunk> CompleteAsync(ModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var body = new OpenAiCompletionRequest
        {
            Model = request.Model,
            Prompt = request.Prompt ?? "",
            Suffix = request.Suffix,
            MaxTokens = request.Options.MaxTokens,
            Temperature = request.Options.Temperature,
            Stop = request.Options.Stop,
            StreamOptions = new OpenAiStreamOptions(IncludeUsage: true),
        };
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_baseAddress + "/completions"))
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, OpenAiJsonContext.Default.OpenAiCompletionRequest))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
            },
        };
        if (_key.Key is { } key)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        var clock = Stopwatch.StartNew();
        using var response = await SendAsync(message, request.Model, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        TimeSpan? firstToken = null;
        string? finishReason = null;
        OpenAiUsage? usage = null;
        var done = false;
        while (!done)
        {
            var line = await ReadLineAsync(reader, request.Model, cancellationToken);
            if (line is null)
            {
                break;
            }

            if (!line.StartsWith("data:", StringComparison.Ordinal))
            {
                continue;
            }

            var data = line["data:".Length..].Trim();
            if (data == "[DONE]")
            {
                done = true;
                continue;
            }

            var chunk = Parse(data, request.Model);
            usage = chunk.Usage ?? usage;
            foreach (var choice in chunk.Choices ?? [])
            {
                finishReason = choice.FinishReason ?? finishReason;
                if (!string.IsNullOrEmpty(choice.Text))
                {
                    firstToken ??= clock.Elapsed;
                    yield return new ModelChunk(choice.Text, false);
                }
            }
        }

        if (!done && finishReason is null)
        {
            throw new ProviderException(ProviderErrorKind.StreamCut, _baseAddress, request.Model, "the completion stream ended without [DONE]");
        }

        var toUsage = usage is null ? null : Usage(usage.PromptTokens, usage.CompletionTokens, clock.Elapsed, firstToken);
        yield return new ModelChunk("", true, toUsage, finishReason ?? "stop");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, string model, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpErrorReplyException e)
        {
            throw ProviderException.FromReply(e.Reply, _baseAddress, model, _key, e);
        }
        catch (HttpRequestException e)
        {
            throw new ProviderException(ProviderErrorKind.Unreachable, _baseAddress, model, $"cannot reach the host ({HttpErrorReply.Cut(e.Message)})", null, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderException(ProviderErrorKind.Unreachable, _baseAddress, model, "the host did not answer in time", null, e);
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

    private async Task<string?> ReadLineAsync(StreamReader reader, string model, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new ProviderException(ProviderErrorKind.StreamCut, _baseAddress, model, $"the completion stream broke ({HttpErrorReply.Cut(e.Message)})", null, e);
        }
    }

    private OpenAiCompletionChunk Parse(string data, string model)
    {
        try
        {
            return JsonSerializer.Deserialize(data, OpenAiJsonContext.Default.OpenAiCompletionChunk)
                ?? throw new ProviderException(ProviderErrorKind.BadResponse, _baseAddress, model, "a completion chunk was null");
        }
        catch (JsonException e)
        {
            throw new ProviderException(ProviderErrorKind.BadResponse, _baseAddress, model, $"a completion chunk is not JSON ({HttpErrorReply.Cut(e.Message)})", null, e);
        }
    }

    /// <summary>OpenAI reports no timings: the wall clock splits at the first token; no load time is known.</summary>
    private static ModelUsage Usage(int promptTokens, int outputTokens, TimeSpan total, TimeSpan? firstToken) =>
        new(promptTokens, outputTokens, total, TimeSpan.Zero, firstToken ?? total, total - (firstToken ?? total));
}

using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using OpenAI;
using OpenAI.Chat;
using Router.Backends.FillInTheMiddle;
using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.Redaction;

namespace Router.Backends.OpenAi;

/// <summary>An OpenAI-compatible server (vLLM, llama.cpp, LM Studio, LiteLLM, OpenAI) as an <see cref="IModelProvider"/>:
/// messages (or a prompt alone) go through the official package's streaming chat; prompt + suffix is filled in the middle in the
/// mode the server takes (see <see cref="OpenAiFillInTheMiddle"/>).</summary>
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
        _fillInTheMiddle = new OpenAiFillInTheMiddle(_baseAddress, key, httpClient, _http, fillInTheMiddle, modes ?? FillInTheMiddleModeBook.Shared);
    }

    public string EndpointName { get; }

    public void Dispose() => _http.Dispose();

    /// <summary>The fill-in-the-middle mode this endpoint uses for <paramref name="model"/> and how it was found; the first call
    /// may ask the server what it is.</summary>
    public Task<FillInTheMiddleChoice> FillInTheMiddleModeAsync(string model, CancellationToken cancellationToken) =>
        _fillInTheMiddle.ChooseAsync(model, cancellationToken);

    public IAsyncEnumerable<ModelChunk> StreamAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_key.IsMissing)
        {
            throw new ProviderException(
                ProviderErrorKind.Unauthorized, _baseAddress, request.Model, $"no API key: the environment variable {_key.VariableName} is not set");
        }

        return request.Suffix is not null && request.Messages is not { Count: > 0 }
            ? _fillInTheMiddle.StreamAsync(request, cancellationToken)
            : ChatAsync(request, cancellationToken);
    }

    private async IAsyncEnumerable<ModelChunk> ChatAsync(ModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = new ChatClient(request.Model, new ApiKeyCredential(_key.Key ?? PlaceholderKey), _clientOptions);
        var messages = request.Messages is { Count: > 0 } turns
            ? turns.Select(ToMessage).ToList()
            : [new UserChatMessage(request.Prompt ?? "")];
        var options = new ChatCompletionOptions
        {
            MaxOutputTokenCount = request.Options.MaxTokens,
            Temperature = request.Options.Temperature is { } t ? (float)t : null,
        };
        foreach (var stop in request.Options.Stop ?? [])
        {
            options.StopSequences.Add(stop);
        }

        var clock = Stopwatch.StartNew();
        TimeSpan? firstToken = null;
        string? finishReason = null;
        ChatTokenUsage? usage = null;
        var updates = client.CompleteChatStreamingAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (await MoveNextAsync(updates, request.Model, cancellationToken))
            {
                var update = updates.Current;
                usage = update.Usage ?? usage;
                if (update.FinishReason is { } reason)
                {
                    finishReason = ToDoneReason(reason);
                }

                var text = string.Concat(update.ContentUpdate.Select(part => part.Text));
                if (text.Length > 0)
                {
                    firstToken ??= clock.Elapsed;
                    yield return new ModelChunk(text, false);
                }
            }
        }
        finally
        {
            await updates.DisposeAsync();
        }

        if (finishReason is null)
        {
            throw new ProviderException(ProviderErrorKind.StreamCut, _baseAddress, request.Model, "the chat stream ended without a finish reason");
        }

        var toUsage = usage is null ? null : Usage(usage.InputTokenCount, usage.OutputTokenCount, clock.Elapsed, firstToken);
        yield return new ModelChunk("", true, toUsage, finishReason);
    }

    private async Task<bool> MoveNextAsync(IAsyncEnumerator<StreamingChatCompletionUpdate> updates, string model, CancellationToken cancellationToken)
    {
        try
        {
            return await updates.MoveNextAsync();
        }
        catch (Exception e) when (HttpErrorReplyException.FindIn(e) is { } reply)
        {
            // Any status with any body, read by the handler before the package parsed it.
            throw ProviderException.FromReply(reply, _baseAddress, model, _key, e);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            // A cancel can surface as the package's transport error: it is still the caller's cancel.
            throw new OperationCanceledException("The request was cancelled.", e, cancellationToken);
        }
        catch (ClientResultException e) when (e.Status == 0)
        {
            throw new ProviderException(
                ProviderErrorKind.Unreachable, _baseAddress, model, $"cannot reach the host ({HttpErrorReply.Cut(e.InnerException?.Message ?? e.Message)})", null, e);
        }
        catch (ClientResultException e)
        {
            // Only a success status gets past the handler; a package error on one is a reply it could not read.
            throw new ProviderException(ProviderErrorKind.BadResponse, _baseAddress, model, $"unexpected reply {e.Status}: {HttpErrorReply.Cut(e.Message)}", e.Status, e);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or JsonException)
        {
            throw new ProviderException(ProviderErrorKind.StreamCut, _baseAddress, model, $"the chat stream broke ({HttpErrorReply.Cut(e.Message)})", null, e);
        }
#pragma warning disable CA1031 // Whatever the package throws on a reply it cannot read must reach the dispatcher as a provider error.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            throw new ProviderException(
                ProviderErrorKind.BadResponse, _baseAddress, model, $"the host's answer could not be read ({e.GetType().Name}: {HttpErrorReply.Cut(e.Message)})", null, e);
        }
    }

    private static ChatMessage ToMessage(ChatTurn turn) => turn.Role switch
    {
        "system" => new SystemChatMessage(turn.Content),
        "assistant" => new AssistantChatMessage(turn.Content),
        _ => new UserChatMessage(turn.Content),
    };

    private static string ToDoneReason(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Length => "length",
        ChatFinishReason.ContentFilter => "content_filter",
        ChatFinishReason.ToolCalls or ChatFinishReason.FunctionCall => "tool_calls",
        _ => "stop",
    };

    /// <summary>OpenAI reports no timings: the wall clock splits at the first token; no load time is known.</summary>
    internal static ModelUsage Usage(int promptTokens, int outputTokens, TimeSpan total, TimeSpan? firstToken) =>
        new(promptTokens, outputTokens, total, TimeSpan.Zero, firstToken ?? total, total - (firstToken ?? total));
}

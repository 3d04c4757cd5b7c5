using System.Diagnostics;
using System.Runtime.CompilerServices;
using Anthropic;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using Router.Backends.Providers;
using Router.Core.Redaction;

namespace Router.Backends.Anthropic;

/// <summary>Anthropic's Messages API through the official package as an <see cref="IModelProvider"/>: system turns go to the
/// system field, text deltas stream, usage arrives on the final chunk.</summary>
public sealed class AnthropicProvider : IModelProvider, IDisposable
{
    /// <summary>Anthropic's own API, for an endpoint that names no URL.</summary>
    public static Uri DefaultBaseAddress { get; } = new("https://api.anthropic.com");

    /// <summary>The Messages API requires max_tokens; used when the request sets none.</summary>
    public const int DefaultMaxTokens = 4096;

    // The package would otherwise look for a key of its own in the environment; a local stand-in needs none.
    private const string PlaceholderKey = "not-needed";

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
    }

    public string EndpointName { get; }

    public IAsyncEnumerable<ModelChunk> StreamAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_key.IsMissing)
        {
            throw new ProviderException(
                ProviderErrorKind.Unauthorized, _baseAddress, request.Model, $"no API key: the environment variable {_key.VariableName} is not set");
        }

        return MessagesAsync(request, cancellationToken);
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }

    private async IAsyncEnumerable<ModelChunk> MessagesAsync(ModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var turns = request.Messages is { Count: > 0 } messages ? messages : [new ChatTurn("user", request.Prompt ?? "")];
        var system = string.Join("\n\n", turns.Where(t => t.Role == "system").Select(t => t.Content));
        var parameters = new MessageCreateParams
        {
            Model = request.Model,
            MaxTokens = request.Options.MaxTokens ?? DefaultMaxTokens,
            Messages = turns.Where(t => t.Role != "system")
                .Select(t => new MessageParam { Role = t.Role == "assistant" ? Role.Assistant : Role.User, Content = t.Content })
                .ToList(),
            System = system.Length > 0 ? (MessageCreateParamsSystem)system : null,

            // Deprecated only for the newest Claude models; older ones and Anthropic-shaped proxies still honour it.
#pragma warning disable CS0618
            Temperature = request.Options.Temperature,
#pragma warning restore CS0618
            StopSequences = request.Options.Stop?.ToList(),
        };

        var clock = Stopwatch.StartNew();
        TimeSpan? firstToken = null;
        long inputTokens = 0;
        long? outputTokens = null;
        string? stopReason = null;
        var stopped = false;
        var events = _client.Messages.CreateStreaming(parameters, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (await MoveNextAsync(events, request.Model, cancellationToken))
            {
                var streamed = events.Current;
                if (streamed.TryPickStart(out var start))
                {
                    inputTokens = start.Message.Usage.InputTokens;
                }
                else if (streamed.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var text) && text.Text.Length > 0)
                {
                    firstToken ??= clock.Elapsed;
                    yield return new ModelChunk(text.Text, false);
                }
                else if (streamed.TryPickDelta(out var messageDelta))
                {
                    outputTokens = messageDelta.Usage.OutputTokens;
                    stopReason = messageDelta.Delta.StopReason?.Raw();
                }
                else if (streamed.TryPickStop(out _))
                {
                    stopped = true;
                }
            }
        }
        finally
        {
            await events.DisposeAsync();
        }

        if (!stopped)
        {
            throw new ProviderException(ProviderErrorKind.StreamCut, _baseAddress, request.Model, "the message stream ended without message_stop");
        }

        var usage = outputTokens is { } output
            ? new ModelUsage(
                (int)inputTokens, (int)output, clock.Elapsed, TimeSpan.Zero, firstToken ?? clock.Elapsed, clock.Elapsed - (firstToken ?? clock.Elapsed))
            : null;
        yield return new ModelChunk("", true, usage, ToDoneReason(stopReason));
    }

    private async Task<bool> MoveNextAsync(IAsyncEnumerator<RawMessageStreamEvent> events, string model, CancellationToken cancellationToken)
    {
        try
        {
            return await events.MoveNextAsync();
        }
        catch (Exception e) when (HttpErrorReplyException.FindIn(e) is { } reply)
        {
            // Any status with any body, read by the handler before the package could choke on a shape it does not know.
            throw ProviderException.FromReply(reply, _baseAddress, model, _key, e);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            // A cancel can surface as the package's I/O error: it is still the caller's cancel.
            throw new OperationCanceledException("The request was cancelled.", e, cancellationToken);
        }
        catch (AnthropicSseException e)
        {
            throw Failure(ProviderErrorKind.ServerError, model, $"error event in the stream: {Shorten(e.Message)}", null, e);
        }
        catch (AnthropicIOException e)
        {
            throw Failure(ProviderErrorKind.Unreachable, model, $"cannot reach the host ({Shorten(e.InnerException?.Message ?? e.Message)})", null, e);
        }
        catch (HttpRequestException e)
        {
            throw Failure(ProviderErrorKind.Unreachable, model, $"cannot reach the host ({Shorten(e.Message)})", null, e);
        }
        catch (IOException e)
        {
            throw Failure(ProviderErrorKind.StreamCut, model, $"the message stream broke ({Shorten(e.Message)})", null, e);
        }
#pragma warning disable CA1031 // Whatever the package throws on a reply it cannot read must reach the dispatcher as a provider error.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            throw Failure(ProviderErrorKind.BadResponse, model, $"the host's answer could not be read ({e.GetType().Name}: {Shorten(e.Message)})", null, e);
        }
    }

    private ProviderException Failure(ProviderErrorKind kind, string model, string message, int? status, Exception inner) =>
        new(kind, _baseAddress, model, message, status, inner);

    private static string Shorten(string text) => HttpErrorReply.Cut(text);

    private static string ToDoneReason(string? stopReason) => stopReason switch
    {
        "max_tokens" => "length",
        null => "stop",
        "end_turn" or "stop_sequence" => "stop",
        _ => stopReason,
    };
}

using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OllamaSharp.Models;
using OllamaSharp.Models.Exceptions;
using Router.Backends.Providers;
using ChatDoneResponseStream = OllamaSharp.Models.Chat.ChatDoneResponseStream;
using ChatRequest = OllamaSharp.Models.Chat.ChatRequest;

namespace Router.Backends.Ollama;

/// <summary>An Ollama host (local, or Ollama's cloud with a bearer key) as an <see cref="IModelProvider"/>, through OllamaSharp:
/// prompts (with FIM suffix) go to /api/generate, messages through OllamaSharp's <see cref="IChatClient"/> to /api/chat.
/// Every failure surfaces as a <see cref="ProviderException"/>, as from any provider; nothing of OllamaSharp's leaves it.</summary>
public sealed class OllamaProvider : IModelProvider, IDisposable
{
    private readonly HttpClient _http;
    private readonly ClosingOllamaApiClient _client;
    private readonly ApiKeySource _key;

    /// <param name="endpointName">The configuration's endpoint name, e.g. "gpu-box".</param>
    /// <param name="baseAddress">The Ollama host, e.g. http://localhost:11434.</param>
    /// <param name="httpClient">Shared client; <see cref="ProviderHttpClient.Create"/> makes one that fails fast on a dead host
    /// and closes abandoned streams at once.</param>
    /// <param name="key">The bearer key for Ollama's cloud or a proxy that wants one; null or <see cref="ApiKeySource.None"/> for a local host.</param>
    public OllamaProvider(string endpointName, Uri baseAddress, HttpClient httpClient, ApiKeySource? key = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(httpClient);
        EndpointName = endpointName;
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _key = key ?? ApiKeySource.None;
        _http = ErrorReplyHandler.Wrap(httpClient);
        _http.BaseAddress = BaseAddress;
        _client = new ClosingOllamaApiClient(_http);
        if (_key.Key is { } bearer)
        {
            _client.DefaultRequestHeaders["Authorization"] = "Bearer " + bearer;
        }
    }

    public string EndpointName { get; }

    /// <summary>The host's base address, ending in a slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Chat with this host as a Microsoft.Extensions.AI client. Its errors are OllamaSharp's; <see cref="StreamAsync"/>
    /// is the path that translates them.</summary>
    public IChatClient ChatClient => _client;

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }

    /// <summary>Streams the answer: /api/chat when the request has messages, /api/generate otherwise.</summary>
    public IAsyncEnumerable<ModelChunk> StreamAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ThrowIfKeyMissing(request.Model);
        return request.Messages is { Count: > 0 }
            ? TranslatedAsync(ChatStreamAsync(request, cancellationToken), "/api/chat", request.Model, cancellationToken)
            : TranslatedAsync(GenerateStreamAsync(request, cancellationToken), "/api/generate", request.Model, cancellationToken);
    }

    /// <summary>/api/generate without streaming: one chunk with the whole text, the done reason and the usage.</summary>
    public async Task<ModelChunk> GenerateAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ThrowIfKeyMissing(request.Model);
        GenerateRequest generate = ToGenerate(request, stream: false);
        ModelChunk? answer = null;
        await foreach (ModelChunk chunk in TranslatedAsync(FromGenerate(generate, cancellationToken), "/api/generate", request.Model, cancellationToken))
        {
            answer = chunk;
        }

        return answer!;
    }

    /// <summary>GET /api/tags: the models the host has pulled.</summary>
    public Task<IReadOnlyList<Model>> ListModelsAsync(CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<Model>>(async () => [.. await _client.ListLocalModelsAsync(cancellationToken) ?? []], "/api/tags", null, cancellationToken);

    /// <summary>GET /api/ps: the models loaded now, with VRAM use and expiry.</summary>
    public Task<IReadOnlyList<RunningModel>> ListRunningModelsAsync(CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<RunningModel>>(async () => [.. await _client.ListRunningModelsAsync(cancellationToken) ?? []], "/api/ps", null, cancellationToken);

    /// <summary>POST /api/show: capabilities, GGUF metadata (model_info) and template of one model.</summary>
    public Task<ShowModelResponse> ShowAsync(string model, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        return CallAsync(() => _client.ShowModelAsync(new ShowModelRequest { Model = model }, cancellationToken), "/api/show", model, cancellationToken);
    }

    /// <summary>GET /api/version, e.g. "0.12.6".</summary>
    public Task<string> GetVersionAsync(CancellationToken cancellationToken) =>
        CallAsync(() => _client.GetVersionAsync(cancellationToken), "/api/version", null, cancellationToken);

    private async IAsyncEnumerable<ModelChunk> GenerateStreamAsync(ModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (ModelChunk chunk in FromGenerate(ToGenerate(request, stream: true), cancellationToken))
        {
            yield return chunk;
        }
    }

    private async IAsyncEnumerable<ModelChunk> FromGenerate(GenerateRequest generate, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (GenerateResponseStream? chunk in _client.GenerateAsync(generate, cancellationToken))
        {
            if (chunk is GenerateDoneResponseStream done)
            {
                yield return new ModelChunk(
                    done.Response ?? "",
                    true,
                    Usage(done.PromptEvalCount, done.EvalCount, done.TotalDuration, done.LoadDuration, done.PromptEvalDuration, done.EvalDuration),
                    done.DoneReason);
            }
            else if (chunk is not null)
            {
                yield return new ModelChunk(chunk.Response ?? "", chunk.Done);
            }
        }
    }

    private async IAsyncEnumerable<ModelChunk> ChatStreamAsync(
        ModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<ChatMessage> messages = [.. ChatTranslation.Messages(request).Select(ResultsAsText)];
        ChatOptions options = ChatTranslation.Options(request);

        // What ChatOptions has no word for goes in OllamaSharp's own request, which its mapping starts from.
        options.RawRepresentationFactory = _ => new ChatRequest
        {
            KeepAlive = request.KeepAlive,
            Options = request.Options.ContextTokens is { } context ? new RequestOptions { NumCtx = context } : null,
        };
        List<FunctionCallContent> calls = [];
        await foreach (ChatResponseUpdate update in ChatClient.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            // Ollama sends a tool call whole in one chunk, usually before the done chunk: all are handed on with the end.
            calls.AddRange(update.Contents.OfType<FunctionCallContent>());

            // OllamaSharp's usage content rounds nothing away, but its durations are in its additional properties as
            // milliseconds; the raw final chunk has them in Ollama's own nanoseconds.
            if (update.RawRepresentation is ChatDoneResponseStream done)
            {
                ModelChunk final = ChatTranslation.Final(
                    Usage(done.PromptEvalCount, done.EvalCount, done.TotalDuration, done.LoadDuration, done.PromptEvalDuration, done.EvalDuration),
                    done.DoneReason,
                    calls);
                yield return final with { Text = update.Text };
            }
            else
            {
                yield return new ModelChunk(update.Text, false);
            }
        }
    }

    /// <summary>A tool message's results as its text, which is what Ollama's /api/chat reads from a "tool" message.</summary>
    private static ChatMessage ResultsAsText(ChatMessage message) =>
        message.Contents.Any(content => content is FunctionResultContent)
            ? new ChatMessage(message.Role, [.. message.Contents.Select(content => content is FunctionResultContent result ? new TextContent(ToolResultText.Of(result)) : content)])
            : message;

    /// <summary>Stops at the done chunk, turns an end without one into a stream cut, and every failure into a <see cref="ProviderException"/>.</summary>
    private async IAsyncEnumerable<ModelChunk> TranslatedAsync(
        IAsyncEnumerable<ModelChunk> chunks, string path, string model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IAsyncEnumerator<ModelChunk> reader = chunks.GetAsyncEnumerator(cancellationToken);
        try
        {
            var received = 0;
            while (true)
            {
                bool more;
                try
                {
                    more = await reader.MoveNextAsync();
                }
#pragma warning disable CA1031 // Nothing but a provider error (or the caller's cancel) may leave a provider.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    throw Failure(e, path, model, $"after {received} chunks", cancellationToken);
                }

                if (!more)
                {
                    // OllamaSharp stops reading quietly when cancelled: report the cancel, not a cut.
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new ProviderException(
                        ProviderErrorKind.StreamCut, BaseAddress, model, $"the stream from {path} ended after {received} chunks without its final done:true chunk");
                }

                received++;
                yield return reader.Current;
                if (reader.Current.Done)
                {
                    yield break;
                }
            }
        }
        finally
        {
            await DisposeQuietlyAsync(reader);
        }
    }

    private async Task<T> CallAsync<T>(Func<Task<T>> call, string path, string? model, CancellationToken cancellationToken)
    {
        try
        {
            return await call() ?? throw new JsonException($"{path} answered null");
        }
#pragma warning disable CA1031 // Nothing but a provider error (or the caller's cancel) may leave a provider.
        catch (Exception e)
#pragma warning restore CA1031
        {
            throw Failure(e, path, model, "", cancellationToken);
        }
    }

    /// <summary>The one place OllamaSharp's and the transport's exceptions become the router's error vocabulary.</summary>
    private Exception Failure(Exception e, string path, string? model, string when, CancellationToken cancellationToken)
    {
        if (e is ProviderException)
        {
            return e;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // A cancel surfaces as whatever the closed connection threw: it is still the caller's cancel.
            return e as OperationCanceledException ?? new OperationCanceledException("The request was cancelled.", e, cancellationToken);
        }

        string after = when.Length == 0 ? "" : " " + when;
        return e switch
        {
            _ when HttpErrorReplyException.FindIn(e) is { } reply => FromReply(reply, model, e),
            ResponseError error => new ProviderException(
                ProviderErrorKind.ServerError, BaseAddress, model, $"the server failed mid-stream: {HttpErrorReply.Cut(error.Message)}", null, e),
            HttpRequestException request => new ProviderException(
                ProviderErrorKind.Unreachable, BaseAddress, model, $"cannot reach the host ({HttpErrorReply.Cut(Describe(request))})", null, e),
            OperationCanceledException => new ProviderException(ProviderErrorKind.Unreachable, BaseAddress, model, "the host did not answer in time", null, e),
            IOException or ObjectDisposedException => new ProviderException(
                ProviderErrorKind.StreamCut, BaseAddress, model, $"the answer from {path} broke{after} ({HttpErrorReply.Cut(e.Message)})", null, e),
            JsonException json => new ProviderException(
                ProviderErrorKind.BadResponse, BaseAddress, model, $"{path} answered something that is not Ollama's JSON ({HttpErrorReply.Cut(json.Message)})", null, e),
            _ => new ProviderException(
                ProviderErrorKind.BadResponse, BaseAddress, model, $"the host's answer could not be read ({e.GetType().Name}: {HttpErrorReply.Cut(e.Message)})", null, e),
        };
    }

    private ProviderException FromReply(HttpErrorReply reply, string? model, Exception inner) => reply.Kind switch
    {
        ProviderErrorKind.ModelNotFound when model is not null => new ProviderException(
            ProviderErrorKind.ModelNotFound, BaseAddress, model, $"{reply.Excerpt} (run `ollama pull {model}` on that host)", reply.Status, inner),

        // A 404 from an API call that names no model is not a missing model: the URL is wrong.
        ProviderErrorKind.ModelNotFound => new ProviderException(ProviderErrorKind.BadResponse, BaseAddress, null, reply.Describe(), reply.Status, inner),
        _ => ProviderException.FromReply(reply, BaseAddress, model, _key, inner),
    };

    private void ThrowIfKeyMissing(string model)
    {
        if (_key.IsMissing)
        {
            throw new ProviderException(
                ProviderErrorKind.Unauthorized, BaseAddress, model, $"no API key: the environment variable {_key.VariableName} is not set");
        }
    }

    private static async ValueTask DisposeQuietlyAsync(IAsyncEnumerator<ModelChunk> reader)
    {
        try
        {
            await reader.DisposeAsync();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or HttpRequestException or OperationCanceledException)
        {
            // Closing an abandoned stream may throw what the closed connection threw; the answer is already decided.
        }
    }

    private static GenerateRequest ToGenerate(ModelRequest request, bool stream) => new()
    {
        Model = request.Model,
        Prompt = request.Prompt ?? "",
        Suffix = request.Suffix!,
        Raw = request.Raw ? true : null,
        Stream = stream,
        KeepAlive = request.KeepAlive,
        Options = request.Options is { MaxTokens: null, Temperature: null, Stop: null, ContextTokens: null }
            ? null
            : new RequestOptions
            {
                NumPredict = request.Options.MaxTokens,
                Temperature = request.Options.Temperature is { } t ? (float)t : null,
                Stop = request.Options.Stop?.ToArray(),
                NumCtx = request.Options.ContextTokens,
            },
    };

    private static ModelUsage Usage(int promptTokens, int outputTokens, long total, long load, long promptEval, long eval) =>
        new(promptTokens, outputTokens, Nanoseconds(total), Nanoseconds(load), Nanoseconds(promptEval), Nanoseconds(eval));

    private static TimeSpan Nanoseconds(long nanoseconds) => TimeSpan.FromTicks(nanoseconds / 100);

    private static string Describe(HttpRequestException e) =>
        e.InnerException is SocketException socket
            ? socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused: is Ollama running there?",
                SocketError.TimedOut => "connection timed out",
                SocketError.HostNotFound => "host name not found",
                _ => socket.Message,
            }
            : e.HttpRequestError == HttpRequestError.ResponseEnded
                ? "the connection closed before an answer"
                : e.Message;
}

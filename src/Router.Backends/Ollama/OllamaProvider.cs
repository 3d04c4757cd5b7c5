using System.Runtime.CompilerServices;
using Router.Backends.Providers;

namespace Router.Backends.Ollama;

/// <summary>The Ollama native API as an <see cref="IModelProvider"/>: prompts (with FIM suffix) go to /api/generate, messages to /api/chat.
/// Every failure surfaces as a <see cref="ProviderException"/>, as from any provider.</summary>
public sealed class OllamaProvider : IModelProvider
{
    /// <param name="endpointName">The configuration's endpoint name, e.g. "gpu-box".</param>
    /// <param name="baseAddress">The Ollama host, e.g. http://localhost:11434.</param>
    /// <param name="httpClient">Shared client; <see cref="OllamaClient.CreateHttpClient"/> makes one that fails fast on a dead host
    /// and closes abandoned streams at once.</param>
    public OllamaProvider(string endpointName, Uri baseAddress, HttpClient httpClient)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        EndpointName = endpointName;
        Client = new OllamaClient(baseAddress, httpClient);
    }

    public string EndpointName { get; }

    /// <summary>The underlying client, for /api/ps, /api/show and the like.</summary>
    public OllamaClient Client { get; }

    public async IAsyncEnumerable<ModelChunk> StreamAsync(ModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IAsyncEnumerable<ModelChunk> chunks = request.Messages is { Count: > 0 } messages
            ? ChatAsync(request, messages, cancellationToken)
            : GenerateAsync(request, cancellationToken);
        await using IAsyncEnumerator<ModelChunk> reader = chunks.GetAsyncEnumerator(cancellationToken);
        while (await MoveNextAsync(reader, request.Model, cancellationToken))
        {
            yield return reader.Current;
        }
    }

    private async IAsyncEnumerable<ModelChunk> ChatAsync(
        ModelRequest request, IReadOnlyList<ChatTurn> messages, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chat = new OllamaChatRequest
        {
            Model = request.Model,
            Messages = messages.Select(m => new OllamaChatMessage(m.Role, m.Content)).ToList(),
            Options = ToOptions(request.Options),
            KeepAlive = request.KeepAlive,
        };
        await foreach (var chunk in Client.ChatStreamAsync(chat, cancellationToken))
        {
            yield return new ModelChunk(chunk.Content, chunk.Done, ToUsage(chunk.Timings), chunk.DoneReason);
        }
    }

    private async IAsyncEnumerable<ModelChunk> GenerateAsync(ModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var generate = new OllamaGenerateRequest
        {
            Model = request.Model,
            Prompt = request.Prompt ?? "",
            Suffix = request.Suffix,
            Raw = request.Raw ? true : null,
            Options = ToOptions(request.Options),
            KeepAlive = request.KeepAlive,
        };
        await foreach (var chunk in Client.GenerateStreamAsync(generate, cancellationToken))
        {
            yield return new ModelChunk(chunk.Response, chunk.Done, ToUsage(chunk.Timings), chunk.DoneReason);
        }
    }

    private async Task<bool> MoveNextAsync(IAsyncEnumerator<ModelChunk> reader, string model, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.MoveNextAsync();
        }
        catch (OllamaException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderException(ToKind(e.Kind), e.Host ?? Client.BaseAddress, e.Model ?? model, e.Detail ?? e.Message, e.StatusCode, e);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            throw new OperationCanceledException("The request was cancelled.", e, cancellationToken);
        }
#pragma warning disable CA1031 // Nothing but a provider error may leave a provider.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            throw new ProviderException(
                ProviderErrorKind.BadResponse, Client.BaseAddress, model, $"the host's answer could not be read ({e.GetType().Name}: {HttpErrorReply.Cut(e.Message)})", null, e);
        }
    }

    private static ProviderErrorKind ToKind(OllamaErrorKind kind) => kind switch
    {
        OllamaErrorKind.Unreachable => ProviderErrorKind.Unreachable,
        OllamaErrorKind.ModelNotFound => ProviderErrorKind.ModelNotFound,
        OllamaErrorKind.BadRequest => ProviderErrorKind.BadRequest,
        OllamaErrorKind.ServerError => ProviderErrorKind.ServerError,
        OllamaErrorKind.StreamCut => ProviderErrorKind.StreamCut,
        OllamaErrorKind.Unauthorized => ProviderErrorKind.Unauthorized,
        OllamaErrorKind.RateLimited => ProviderErrorKind.RateLimited,
        OllamaErrorKind.Timeout => ProviderErrorKind.Timeout,
        _ => ProviderErrorKind.BadResponse,
    };

    private static OllamaModelOptions? ToOptions(GenerationOptions options) =>
        options.MaxTokens is null && options.Temperature is null && options.Stop is null && options.ContextTokens is null
            ? null
            : new OllamaModelOptions
            {
                NumPredict = options.MaxTokens,
                Temperature = options.Temperature,
                Stop = options.Stop,
                NumCtx = options.ContextTokens,
            };

    private static ModelUsage? ToUsage(OllamaTimings? timings) =>
        timings is null
            ? null
            : new ModelUsage(
                timings.PromptEvalCount,
                timings.EvalCount,
                timings.TotalDuration,
                timings.LoadDuration,
                timings.PromptEvalDuration,
                timings.EvalDuration);
}

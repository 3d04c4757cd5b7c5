using System.Runtime.CompilerServices;
using Router.Backends.Providers;

namespace Router.Backends.Ollama;

/// <summary>The Ollama native API as an <see cref="IModelProvider"/>: prompts (with FIM suffix) go to /api/generate, messages to /api/chat.</summary>
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
        var options = ToOptions(request.Options);
        if (request.Messages is { Count: > 0 } messages)
        {
            var chat = new OllamaChatRequest
            {
                Model = request.Model,
                Messages = messages.Select(m => new OllamaChatMessage(m.Role, m.Content)).ToList(),
                Options = options,
                KeepAlive = request.KeepAlive,
            };
            await foreach (var chunk in Client.ChatStreamAsync(chat, cancellationToken))
            {
                yield return new ModelChunk(chunk.Content, chunk.Done, ToUsage(chunk.Timings), chunk.DoneReason);
            }

            yield break;
        }

        var generate = new OllamaGenerateRequest
        {
            Model = request.Model,
            Prompt = request.Prompt ?? "",
            Suffix = request.Suffix,
            Raw = request.Raw ? true : null,
            Options = options,
            KeepAlive = request.KeepAlive,
        };
        await foreach (var chunk in Client.GenerateStreamAsync(generate, cancellationToken))
        {
            yield return new ModelChunk(chunk.Response, chunk.Done, ToUsage(chunk.Timings), chunk.DoneReason);
        }
    }

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

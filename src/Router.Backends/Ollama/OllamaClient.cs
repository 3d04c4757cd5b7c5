using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Router.Core.Redaction;
using Router.Backends.Providers;

namespace Router.Backends.Ollama;

/// <summary>A typed client for one Ollama host's native API. Failures surface as <see cref="OllamaException"/>;
/// cancelling a stream closes its HTTP response at once.</summary>
public sealed class OllamaClient
{
    private readonly HttpClient http;

    public OllamaClient(Uri baseAddress, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(httpClient);
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        http = httpClient;
    }

    public Uri BaseAddress { get; }

    /// <summary>An HttpClient suited to Ollama: a short connect timeout (an unreachable host fails fast), no overall
    /// timeout (cold loads and long answers take time; cancel through the token), and no draining of abandoned streams.</summary>
    public static HttpClient CreateHttpClient(TimeSpan? connectTimeout = null)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = connectTimeout ?? TimeSpan.FromSeconds(3),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),

            // A stream the caller abandoned must close its connection, not be read to the end in the background.
            MaxResponseDrainSize = 0,
            ResponseDrainTimeout = TimeSpan.Zero,
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Streams /api/generate; the last item has Done set and carries <see cref="OllamaGenerateResponse.Timings"/>.</summary>
    public IAsyncEnumerable<OllamaGenerateResponse> GenerateStreamAsync(OllamaGenerateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = Serialize(request with { Stream = true }, OllamaJsonContext.Default.OllamaGenerateRequest);
        return StreamAsync("api/generate", body, request.Model, OllamaJsonContext.Default.OllamaGenerateResponse, r => r.Done, r => r.Error, cancellationToken);
    }

    /// <summary>/api/generate without streaming: one answer with the whole text and the timings.</summary>
    public async Task<OllamaGenerateResponse> GenerateAsync(OllamaGenerateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = Serialize(request with { Stream = false }, OllamaJsonContext.Default.OllamaGenerateRequest);
        return await SendAsync(HttpMethod.Post, "api/generate", body, request.Model, OllamaJsonContext.Default.OllamaGenerateResponse, cancellationToken);
    }

    /// <summary>Streams /api/chat; the last item has Done set and carries <see cref="OllamaChatResponse.Timings"/>.</summary>
    public IAsyncEnumerable<OllamaChatResponse> ChatStreamAsync(OllamaChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = Serialize(request with { Stream = true }, OllamaJsonContext.Default.OllamaChatRequest);
        return StreamAsync("api/chat", body, request.Model, OllamaJsonContext.Default.OllamaChatResponse, r => r.Done, r => r.Error, cancellationToken);
    }

    /// <summary>/api/chat without streaming.</summary>
    public async Task<OllamaChatResponse> ChatAsync(OllamaChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = Serialize(request with { Stream = false }, OllamaJsonContext.Default.OllamaChatRequest);
        return await SendAsync(HttpMethod.Post, "api/chat", body, request.Model, OllamaJsonContext.Default.OllamaChatResponse, cancellationToken);
    }

    /// <summary>GET /api/tags: the models the host has pulled.</summary>
    public async Task<IReadOnlyList<OllamaModelEntry>> ListModelsAsync(CancellationToken cancellationToken)
    {
        var tags = await SendAsync(HttpMethod.Get, "api/tags", null, null, OllamaJsonContext.Default.OllamaTagsResponse, cancellationToken);
        return tags.Models ?? [];
    }

    /// <summary>GET /api/ps: the models loaded now, with VRAM use and expiry.</summary>
    public async Task<IReadOnlyList<OllamaRunningModel>> ListRunningModelsAsync(CancellationToken cancellationToken)
    {
        var ps = await SendAsync(HttpMethod.Get, "api/ps", null, null, OllamaJsonContext.Default.OllamaPsResponse, cancellationToken);
        return ps.Models ?? [];
    }

    /// <summary>POST /api/show: capabilities, context length and template of one model.</summary>
    public Task<OllamaShowResponse> ShowAsync(string model, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        var body = Serialize(new OllamaShowRequest(model), OllamaJsonContext.Default.OllamaShowRequest);
        return SendAsync(HttpMethod.Post, "api/show", body, model, OllamaJsonContext.Default.OllamaShowResponse, cancellationToken);
    }

    /// <summary>GET /api/version, e.g. "0.12.6".</summary>
    public async Task<string> GetVersionAsync(CancellationToken cancellationToken)
    {
        var version = await SendAsync(HttpMethod.Get, "api/version", null, null, OllamaJsonContext.Default.OllamaVersionResponse, cancellationToken);
        return version.Version;
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, byte[]? body, string? model, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await StartAsync(method, path, body, model, cancellationToken);
        await using var abortOnCancel = cancellationToken.Register(static r => ((HttpResponseMessage)r!).Dispose(), response);
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or ObjectDisposedException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw Failure(OllamaErrorKind.StreamCut, model, $"the answer from {path} ended before it was complete ({e.Message})", null, e);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (IsTruncatedJson(text))
        {
            throw Failure(OllamaErrorKind.StreamCut, model, $"the answer from {path} ended in the middle of its JSON", null, null);
        }

        return Parse(text, path, model, typeInfo);
    }

    /// <summary>True when the text is the valid beginning of a JSON value that never ends (a connection closed mid-answer).</summary>
    private static bool IsTruncatedJson(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
            {
            }

            return reader.CurrentDepth > 0 || reader.BytesConsumed < Encoding.UTF8.GetByteCount(text.TrimEnd());
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async IAsyncEnumerable<T> StreamAsync<T>(
        string path,
        byte[] body,
        string model,
        JsonTypeInfo<T> typeInfo,
        Func<T, bool> isDone,
        Func<T, string?> errorOf,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await StartAsync(HttpMethod.Post, path, body, model, cancellationToken);

        // Disposing the response aborts a read in progress, so a cancel closes the connection now rather than at the next chunk.
        await using var abortOnCancel = cancellationToken.Register(static r => ((HttpResponseMessage)r!).Dispose(), response);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);
        var chunks = 0;
        while (true)
        {
            var line = await ReadLineAsync(reader, path, model, chunks, cancellationToken);
            if (line is null)
            {
                // A cancel disposes the response, which can look like a clean end of stream: report the cancel.
                cancellationToken.ThrowIfCancellationRequested();
                throw Failure(OllamaErrorKind.StreamCut, model, $"the stream from {path} ended after {chunks} chunks without its final done:true chunk", null, null);
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var item = Parse(line, path, model, typeInfo);
            if (errorOf(item) is { } error)
            {
                throw Failure(OllamaErrorKind.ServerError, model, $"the server failed mid-stream: {HttpErrorReply.Cut(error)}", null, null);
            }

            chunks++;
            yield return item;
            if (isDone(item))
            {
                yield break;
            }
        }
    }

    private async Task<string?> ReadLineAsync(StreamReader reader, string path, string model, int chunks, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or ObjectDisposedException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw Failure(OllamaErrorKind.StreamCut, model, $"the stream from {path} broke after {chunks} chunks ({e.Message})", null, e);
        }
    }

    /// <summary>Sends the request and reads the headers; a non-success status becomes a typed error.</summary>
    private async Task<HttpResponseMessage> StartAsync(HttpMethod method, string path, byte[]? body, string? model, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseAddress, path));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw Failure(OllamaErrorKind.Unreachable, model, $"cannot reach the host ({HttpErrorReply.Cut(Describe(e))})", null, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failure(OllamaErrorKind.Unreachable, model, "the host did not answer in time", null, e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var reply = await HttpErrorReply.ReadAsync(response, cancellationToken);
            var kind = reply.Kind switch
            {
                ProviderErrorKind.ModelNotFound when model is not null => OllamaErrorKind.ModelNotFound,
                ProviderErrorKind.ModelNotFound => OllamaErrorKind.BadResponse,
                ProviderErrorKind.Unauthorized => OllamaErrorKind.Unauthorized,
                ProviderErrorKind.RateLimited => OllamaErrorKind.RateLimited,
                ProviderErrorKind.Timeout => OllamaErrorKind.Timeout,
                ProviderErrorKind.BadRequest => OllamaErrorKind.BadRequest,
                ProviderErrorKind.ServerError => OllamaErrorKind.ServerError,
                _ => OllamaErrorKind.BadResponse,
            };
            var detail = kind == OllamaErrorKind.ModelNotFound
                ? $"{reply.Excerpt} (run `ollama pull {model}` on that host)"
                : reply.Describe();
            throw Failure(kind, model, detail, reply.Status, null);
        }
    }

    private T Parse<T>(string text, string path, string? model, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(text, typeInfo)
                ?? throw Failure(OllamaErrorKind.BadResponse, model, $"{path} answered null", null, null);
        }
        catch (JsonException e)
        {
            var sample = OutwardRedactor.Default.HostErrorBody(text);
            throw Failure(OllamaErrorKind.BadResponse, model, $"{path} answered something that is not Ollama's JSON: {sample}", null, e);
        }
    }

    private OllamaException Failure(OllamaErrorKind kind, string? model, string detail, int? status, Exception? inner)
    {
        var about = model is null ? "" : $" for model \"{model}\"";
        return new OllamaException(kind, BaseAddress, model, $"Ollama at {BaseAddress}{about}: {detail}", status, inner) { Detail = detail };
    }

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

    private static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
}

using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Router.Backends.Providers;

namespace Router.Backends.Anthropic;

/// <summary>Anthropic's Messages API over the shared HTTP client: one POST to /v1/messages, read as a stream of server-sent events
/// or as one JSON message. Every failure is a <see cref="ProviderException"/> (or the caller's cancel), and a cancel closes the
/// connection at once.</summary>
internal sealed class AnthropicMessagesClient
{
    /// <summary>The API version every request names (anthropic-version).</summary>
    public const string ApiVersion = "2023-06-01";

    /// <summary>The largest answer without streaming that is read; a bigger one is not the API's.</summary>
    public const int MaxAnswerBytes = 16 * 1024 * 1024;

    private readonly Uri _baseAddress;
    private readonly Uri _messages;
    private readonly ApiKeySource _key;
    private readonly HttpClient _http;

    /// <param name="baseAddress">The API root without /v1, e.g. https://api.anthropic.com.</param>
    /// <param name="key">The key and the variable it came from.</param>
    /// <param name="http">Shared client; it should fail fast on a dead host and have no overall timeout.</param>
    public AnthropicMessagesClient(Uri baseAddress, ApiKeySource key, HttpClient http)
    {
        _baseAddress = baseAddress;
        _messages = new Uri(baseAddress.AbsoluteUri.TrimEnd('/') + "/v1/messages");
        _key = key;
        _http = http;
    }

    /// <summary>Throws <see cref="ProviderErrorKind.Unauthorized"/>, before any I/O, when the key's variable is unset.</summary>
    public void CheckKey(string? model)
    {
        if (_key.IsMissing)
        {
            throw new ProviderException(
                ProviderErrorKind.Unauthorized, _baseAddress, model, $"no API key: the environment variable {_key.VariableName} is not set");
        }
    }

    /// <summary>Streams the answer's events up to and including message_stop; pings are skipped, an error event throws, and a
    /// stream that ends before message_stop fails <see cref="ProviderErrorKind.StreamCut"/>.</summary>
    public async IAsyncEnumerable<AnthropicStreamEvent> StreamAsync(
        AnthropicMessagesRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string model = request.Model;
        using HttpResponseMessage response = await SendAsync(request with { Stream = true }, cancellationToken);

        // Disposing the reply closes its connection, so a read waiting for the host's next bytes ends now, not then.
        using CancellationTokenRegistration closeOnCancel = cancellationToken.Register(static reply => ((HttpResponseMessage)reply!).Dispose(), response);
        Stream body = await ReadAsync(() => response.Content.ReadAsStreamAsync(cancellationToken), model, cancellationToken);
        IAsyncEnumerator<SseItem<string>> events = SseParser.Create(body).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (await ReadAsync(() => events.MoveNextAsync().AsTask(), model, cancellationToken))
            {
                AnthropicStreamEvent received = Parse(events.Current.Data, AnthropicJsonContext.Default.AnthropicStreamEvent, model, "an event");
                switch (received.Type ?? events.Current.EventType)
                {
                    case "ping":
                        continue;
                    case "error":
                        throw ErrorEvent(received.Error, model);
                    case "message_stop":
                        yield return received;
                        yield break;
                    default:
                        yield return received;
                        break;
                }
            }
        }
        finally
        {
            await events.DisposeAsync();
        }

        throw new ProviderException(ProviderErrorKind.StreamCut, _baseAddress, model, "the message stream ended before message_stop");
    }

    /// <summary>The whole answer in one JSON message (stream false).</summary>
    public async Task<AnthropicMessageResponse> CreateAsync(AnthropicMessagesRequest request, CancellationToken cancellationToken)
    {
        string model = request.Model;
        using HttpResponseMessage response = await SendAsync(request with { Stream = false }, cancellationToken);
        using CancellationTokenRegistration closeOnCancel = cancellationToken.Register(static reply => ((HttpResponseMessage)reply!).Dispose(), response);
        byte[] body = await ReadAsync(() => ReadBoundedAsync(response, model, cancellationToken), model, cancellationToken);
        AnthropicMessageResponse message = Parse(body, AnthropicJsonContext.Default.AnthropicMessageResponse, model, "the answer");
        return message.Type == "error" ? throw ErrorEvent(message.Error, model) : message;
    }

    /// <summary>A streamed tool_use block's input, gathered from its input_json_delta pieces: none is <c>{}</c>; anything but a
    /// JSON object fails <see cref="ProviderErrorKind.BadResponse"/>.</summary>
    public JsonElement ParseToolInput(string json, string model)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return JsonElement.Parse("{}"u8);
        }

        try
        {
            JsonElement input = JsonElement.Parse(json);
            return input.ValueKind == JsonValueKind.Object
                ? input
                : throw new ProviderException(ProviderErrorKind.BadResponse, _baseAddress, model, $"a tool_use block's input is a {input.ValueKind}, not an object");
        }
        catch (JsonException e)
        {
            throw new ProviderException(ProviderErrorKind.BadResponse, _baseAddress, model, $"a tool_use block's input is not JSON ({HttpErrorReply.Cut(e.Message)})", null, e);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(AnthropicMessagesRequest request, CancellationToken cancellationToken)
    {
        CheckKey(request.Model);
        using HttpRequestMessage message = new(HttpMethod.Post, _messages)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, AnthropicJsonContext.Default.AnthropicMessagesRequest))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
            },
        };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(request.Stream ? "text/event-stream" : "application/json"));
        message.Headers.TryAddWithoutValidation("anthropic-version", ApiVersion);
        if (_key.Key is { } value)
        {
            message.Headers.TryAddWithoutValidation("x-api-key", value);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ProviderException(ProviderErrorKind.Unreachable, _baseAddress, request.Model, $"cannot reach the host ({HttpErrorReply.Cut(e.Message)})", null, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderException(ProviderErrorKind.Unreachable, _baseAddress, request.Model, "the host did not answer in time", null, e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            HttpErrorReply reply = await HttpErrorReply.ReadAsync(response, cancellationToken);
            throw ProviderException.FromReply(reply, _baseAddress, request.Model, _key);
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, string model, CancellationToken cancellationToken)
    {
        await using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using MemoryStream read = new();
        byte[] buffer = new byte[16 * 1024];
        int count;
        while ((count = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (read.Length + count > MaxAnswerBytes)
            {
                throw new InvalidDataException($"the answer is larger than {MaxAnswerBytes / (1024 * 1024)} MB ({model})");
            }

            read.Write(buffer, 0, count);
        }

        return read.ToArray();
    }

    /// <summary>Runs one read of the reply: a broken connection is a cut stream, a cancel is the caller's.</summary>
    private async Task<T> ReadAsync<T>(Func<Task<T>> read, string model, CancellationToken cancellationToken)
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (e is IOException or HttpRequestException or ObjectDisposedException or OperationCanceledException)
        {
            // The registration above disposes the reply on a cancel: whatever the read then throws, it is the caller's cancel.
            cancellationToken.ThrowIfCancellationRequested();
            throw new ProviderException(ProviderErrorKind.StreamCut, _baseAddress, model, $"the message stream broke ({HttpErrorReply.Cut(e.Message)})", null, e);
        }
        catch (InvalidDataException e)
        {
            throw new ProviderException(ProviderErrorKind.BadResponse, _baseAddress, model, e.Message, null, e);
        }
    }

    private T Parse<T>(string data, JsonTypeInfo<T> typeInfo, string model, string what) =>
        Parse(Encoding.UTF8.GetBytes(data), typeInfo, model, what);

    private T Parse<T>(byte[] data, JsonTypeInfo<T> typeInfo, string model, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(data, typeInfo)
                ?? throw new ProviderException(ProviderErrorKind.BadResponse, _baseAddress, model, $"{what} was null");
        }
        catch (JsonException e) when (IsCutShort(data))
        {
            throw new ProviderException(ProviderErrorKind.StreamCut, _baseAddress, model, $"{what} broke off ({data.Length} bytes)", null, e);
        }
        catch (JsonException e)
        {
            throw new ProviderException(ProviderErrorKind.BadResponse, _baseAddress, model, $"{what} is not the API's JSON ({HttpErrorReply.Cut(e.Message)})", null, e);
        }
    }

    /// <summary>True when the bytes are the start of a JSON value that never ends: a body that broke off, not a wrong one.</summary>
    internal static bool IsCutShort(ReadOnlySpan<byte> data)
    {
        Utf8JsonReader reader = new(data, isFinalBlock: false, default);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    return false;
                }
            }

            return !data.Trim(" \t\r\n"u8).IsEmpty;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>An error inside a successful reply (an event of the stream, or a 200 body): its type says what went wrong, as
    /// the status would have (overloaded_error is a 529, rate_limit_error a 429).</summary>
    private ProviderException ErrorEvent(AnthropicError? error, string model)
    {
        string type = error?.Type ?? "unknown_error";
        ProviderErrorKind kind = type switch
        {
            "rate_limit_error" => ProviderErrorKind.RateLimited,
            "authentication_error" or "permission_error" => ProviderErrorKind.Unauthorized,
            "not_found_error" => ProviderErrorKind.ModelNotFound,
            "invalid_request_error" or "request_too_large" => ProviderErrorKind.BadRequest,
            "timeout_error" => ProviderErrorKind.Timeout,
            _ => ProviderErrorKind.ServerError,
        };
        string message = error?.Message is { Length: > 0 } text ? $"{text} ({type})" : type;
        return new ProviderException(kind, _baseAddress, model, $"error event in the stream: {HttpErrorReply.Cut(message)}");
    }
}

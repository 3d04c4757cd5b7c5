using System.Globalization;
using Router.Core.Redaction;

namespace Router.Backends.Providers;

/// <summary>A failed call to a model host (Ollama, OpenAI-compatible or Anthropic), typed by <see cref="Kind"/>: the one error a
/// provider throws. The message names the host and the model, holds at most a short excerpt of a host's reply, and never a key: it is redacted when made.</summary>
public sealed class ProviderException : Exception
{
    public ProviderException()
    {
    }

    public ProviderException(string message)
        : base(message)
    {
    }

    public ProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProviderException(ProviderErrorKind kind, Uri host, string? model, string message, int? statusCode = null, Exception? innerException = null)
        : base(OutwardRedactor.Default.Redact($"{host} ({model ?? "no model"}): {message}"), innerException)
    {
        Kind = kind;
        Host = host;
        Model = model;
        StatusCode = statusCode;
    }

    /// <summary>The failure a host's error reply stands for; a refused key is told by the variable it came from, never its value.
    /// <paramref name="retryAfter"/> is the reply's Retry-After, said in the message and kept in <see cref="RetryAfter"/>.</summary>
    public static ProviderException FromReply(
        HttpErrorReply reply, Uri host, string? model, ApiKeySource key, Exception? innerException = null, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(key);
        string message = reply.Kind == ProviderErrorKind.Unauthorized ? key.RejectedMessage(reply.Status) : reply.Describe();
        retryAfter ??= reply.RetryAfter;
        if (retryAfter is { } wait)
        {
            message += string.Create(CultureInfo.InvariantCulture, $"; the host asks to wait {Math.Ceiling(wait.TotalSeconds):0} s");
        }

        return new ProviderException(reply.Kind, host, model, message, reply.Status, innerException) { RetryAfter = retryAfter };
    }

    public ProviderErrorKind Kind { get; } = ProviderErrorKind.BadResponse;

    /// <summary>The base address that failed.</summary>
    public Uri? Host { get; }

    public string? Model { get; }

    /// <summary>The HTTP status when the host answered one.</summary>
    public int? StatusCode { get; }

    /// <summary>How long the host asked to be left alone (a 429's or 529's Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; private init; }
}

using Router.Core.Redaction;

namespace Router.Backends.Providers;

/// <summary>A failed call to an OpenAI-compatible or Anthropic host, typed by <see cref="Kind"/>; the message names the host
/// and the model, and never contains a key: it is redacted when made, since it quotes the host's URL and error body.</summary>
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

    public ProviderErrorKind Kind { get; } = ProviderErrorKind.BadResponse;

    /// <summary>The base address that failed.</summary>
    public Uri? Host { get; }

    public string? Model { get; }

    /// <summary>The HTTP status when the host answered one.</summary>
    public int? StatusCode { get; }
}

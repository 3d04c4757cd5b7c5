using Router.Core.Redaction;

namespace Router.Backends.Ollama;

/// <summary>A failed Ollama call, typed by <see cref="Kind"/>; the message names the host and the model.</summary>
public sealed class OllamaException : Exception
{
    public OllamaException()
    {
    }

    public OllamaException(string message)
        : base(message)
    {
    }

    public OllamaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OllamaException(OllamaErrorKind kind, Uri host, string? model, string message, int? statusCode = null, Exception? innerException = null)
        : base(OutwardRedactor.Default.Redact(message), innerException)
    {
        Kind = kind;
        Host = host;
        Model = model;
        StatusCode = statusCode;
    }

    public OllamaErrorKind Kind { get; } = OllamaErrorKind.BadResponse;

    /// <summary>What went wrong, without the host and model the message starts with.</summary>
    public string? Detail { get; init; }

    /// <summary>The Ollama base address that failed.</summary>
    public Uri? Host { get; }

    public string? Model { get; }

    /// <summary>The HTTP status when the host answered one.</summary>
    public int? StatusCode { get; }
}

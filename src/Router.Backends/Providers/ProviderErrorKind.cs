namespace Router.Backends.Providers;

/// <summary>What went wrong talking to an OpenAI-compatible or Anthropic host; the same kinds as Ollama's plus Unauthorized.</summary>
public enum ProviderErrorKind
{
    /// <summary>The host answered something that is not the API (bad JSON, unexpected status).</summary>
    BadResponse,

    /// <summary>No connection: refused, reset before an answer, or timed out.</summary>
    Unreachable,

    /// <summary>404: the host does not serve the model.</summary>
    ModelNotFound,

    /// <summary>4xx other than a missing model or a key problem: the request itself was rejected.</summary>
    BadRequest,

    /// <summary>5xx, or an error in the middle of a stream.</summary>
    ServerError,

    /// <summary>The answer stopped before its end (no finish reason / stop event).</summary>
    StreamCut,

    /// <summary>No key configured in the environment, or the host rejected the key (401/403).</summary>
    Unauthorized,
}

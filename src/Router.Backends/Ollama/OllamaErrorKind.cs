namespace Router.Backends.Ollama;

/// <summary>What went wrong talking to an Ollama host, as the router's fallback logic needs to tell it apart.</summary>
public enum OllamaErrorKind
{
    /// <summary>The host answered something that is not Ollama's API (bad JSON, unexpected status).</summary>
    BadResponse,

    /// <summary>No connection: refused, reset before an answer, or timed out.</summary>
    Unreachable,

    /// <summary>404: the host does not have the model (it needs `ollama pull`).</summary>
    ModelNotFound,

    /// <summary>4xx other than a missing model: the request itself was rejected (e.g. no "insert" capability).</summary>
    BadRequest,

    /// <summary>5xx, or an error line in the middle of a stream.</summary>
    ServerError,

    /// <summary>The answer stopped before its final done:true chunk.</summary>
    StreamCut,

    /// <summary>401/403: a proxy in front of the host wants a key it did not get.</summary>
    Unauthorized,

    /// <summary>429: the host, or a proxy in front of it, turns requests away for a while.</summary>
    RateLimited,

    /// <summary>408/504: the host, or a gateway in front of it, gave up waiting.</summary>
    Timeout,
}

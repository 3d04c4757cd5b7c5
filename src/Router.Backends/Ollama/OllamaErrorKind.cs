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
}

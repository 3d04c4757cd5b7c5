namespace Router.Backends.Providers;

/// <summary>What went wrong talking to a model host, whichever API it speaks; every failure of a provider is one of these.</summary>
public enum ProviderErrorKind
{
    /// <summary>The host answered something that is not the API (bad JSON, unexpected status, a web page where an API was expected).</summary>
    BadResponse,

    /// <summary>No connection: refused, reset before an answer, or timed out.</summary>
    Unreachable,

    /// <summary>404 from the API: the host does not serve the model.</summary>
    ModelNotFound,

    /// <summary>4xx other than a missing model, a key problem or a rate limit: the request itself was rejected.</summary>
    BadRequest,

    /// <summary>5xx, or an error in the middle of a stream.</summary>
    ServerError,

    /// <summary>The answer stopped before its end (no finish reason / stop event).</summary>
    StreamCut,

    /// <summary>No key configured in the environment, or the host rejected the key (401/403).</summary>
    Unauthorized,

    /// <summary>429: the host (or a proxy before it) turns requests away for a while.</summary>
    RateLimited,

    /// <summary>408 or 504: the host, or a gateway before it, gave up waiting.</summary>
    Timeout,
}

namespace Router.Gateway.Wire;

/// <summary>What went wrong with a request, each with the HTTP status every API uses for it.</summary>
public enum GatewayErrorKind
{
    /// <summary>400: the body is not a request this route takes.</summary>
    BadRequest,

    /// <summary>401: no key, or a key the gateway does not know.</summary>
    Unauthorized,

    /// <summary>403: the key may not use that tier.</summary>
    Forbidden,

    /// <summary>404: no such route or model.</summary>
    NotFound,

    /// <summary>413: the body is larger than the gateway takes.</summary>
    TooLarge,

    /// <summary>415: a body that is not JSON.</summary>
    UnsupportedMediaType,

    /// <summary>429: the key's request rate or budget is spent (with Retry-After).</summary>
    RateLimited,

    /// <summary>503: no host could answer.</summary>
    Unavailable,

    /// <summary>504: the request's time limit passed before any answer.</summary>
    Timeout,
}

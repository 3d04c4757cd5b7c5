namespace Router.Runtime.Health;

/// <summary>How an endpoint failed, as far as its health is concerned.</summary>
public enum EndpointFailureKind
{
    /// <summary>No connection (refused, reset, connect timeout): the circuit opens at once.</summary>
    Unreachable,

    /// <summary>No answer, or no further text, within the request's deadline (a stall): the circuit opens at once.</summary>
    Timeout,

    /// <summary>5xx, out of memory, or an error in the middle of a stream.</summary>
    ServerError,

    /// <summary>The stream ended before its end.</summary>
    StreamCut,
}

namespace Router.Gateway.Wire;

/// <summary>A request the gateway answers with an error: its kind (and so its status), a message for the client, and for
/// 429 how long to wait.</summary>
public sealed class GatewayException : Exception
{
    public GatewayException()
        : this(GatewayErrorKind.BadRequest, "bad request")
    {
    }

    public GatewayException(string message)
        : this(GatewayErrorKind.BadRequest, message)
    {
    }

    public GatewayException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = GatewayErrorKind.BadRequest;
    }

    public GatewayException(GatewayErrorKind kind, string message, TimeSpan? retryAfter = null)
        : base(message)
    {
        Kind = kind;
        RetryAfter = retryAfter;
    }

    public GatewayErrorKind Kind { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>A short code for the error, the same in every API's body (OpenAI's <c>code</c>).</summary>
    public string? Code { get; init; }
}

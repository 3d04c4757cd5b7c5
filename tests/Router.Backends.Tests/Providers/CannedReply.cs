namespace Router.Backends.Tests.Providers;

/// <summary>What <see cref="CannedReplyHost"/> answers: a status line, a content type and the body's exact bytes.</summary>
/// <param name="BreaksOff">The head declares more bytes than the body has, and the connection closes after the body.</param>
/// <param name="Header">One more header line, e.g. "Retry-After: 20"; null sends none.</param>
internal sealed record CannedReply(int Status, string ContentType, byte[] Body, bool BreaksOff = false, string? Header = null)
{
    public string Reason => Status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        413 => "Payload Too Large",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        529 => "Site Overloaded",
        _ => "Status",
    };
}

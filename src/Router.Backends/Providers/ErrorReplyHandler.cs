namespace Router.Backends.Providers;

/// <summary>The HTTP handler an SDK-based provider gives its SDK: sends through the shared client and turns every
/// non-success reply into an <see cref="HttpErrorReplyException"/> before the SDK reads the body, so no body shape (a
/// proxy's JSON, an HTML page, nothing, invalid UTF-8) can make the SDK throw something the provider does not expect.</summary>
internal sealed class ErrorReplyHandler(HttpClient shared) : HttpMessageHandler
{
    /// <summary>An HttpClient over this handler with no timeout of its own (the dispatcher's deadlines apply); disposing it
    /// leaves <paramref name="shared"/> open.</summary>
    public static HttpClient Wrap(HttpClient shared) => new(new ErrorReplyHandler(shared)) { Timeout = Timeout.InfiniteTimeSpan };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await shared.SendAsync(Forwarded(request), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.RequestMessage = request;
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw new HttpErrorReplyException(await HttpErrorReply.ReadAsync(response, cancellationToken));
        }
    }

    /// <summary>A copy of the request for the shared client, which refuses a message another client already sent. The
    /// content is the original's, which the original's owner disposes.</summary>
    private static HttpRequestMessage Forwarded(HttpRequestMessage request)
    {
        HttpRequestMessage copy = new(request.Method, request.RequestUri)
        {
            Content = request.Content,
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return copy;
    }
}

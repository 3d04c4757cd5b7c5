namespace Router.Backends.Providers;

/// <summary>Carries a host's error reply from <see cref="ErrorReplyHandler"/> out through an SDK to the provider, which turns it
/// into a <see cref="ProviderException"/> naming the model.</summary>
internal sealed class HttpErrorReplyException : Exception
{
    public HttpErrorReplyException()
        : this(new HttpErrorReply(0, "(no reply)", false))
    {
    }

    public HttpErrorReplyException(string message)
        : base(message)
    {
        Reply = new HttpErrorReply(0, message, false);
    }

    public HttpErrorReplyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reply = new HttpErrorReply(0, message, false);
    }

    public HttpErrorReplyException(HttpErrorReply reply)
        : base(reply?.Describe())
    {
        ArgumentNullException.ThrowIfNull(reply);
        Reply = reply;
    }

    public HttpErrorReply Reply { get; }

    /// <summary>The reply in <paramref name="error"/> or in one of its inner exceptions (an SDK may wrap what its transport threw).</summary>
    public static HttpErrorReply? FindIn(Exception? error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is HttpErrorReplyException found)
            {
                return found.Reply;
            }
        }

        return null;
    }
}

namespace Router.Backends.Providers;

/// <summary>The HTTP client model hosts are reached through, shared by every provider of a process.</summary>
public static class ProviderHttpClient
{
    /// <summary>A short connect timeout (an unreachable host fails fast), no overall timeout (cold loads and long answers
    /// take time; callers cancel through their token), and no draining of abandoned streams.</summary>
    public static HttpClient Create(TimeSpan? connectTimeout = null)
    {
        SocketsHttpHandler handler = new()
        {
            ConnectTimeout = connectTimeout ?? TimeSpan.FromSeconds(3),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),

            // A stream the caller abandoned must close its connection, not be read to the end in the background.
            MaxResponseDrainSize = 0,
            ResponseDrainTimeout = TimeSpan.Zero,
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}

namespace Router.Backends.Providers;

/// <summary>One model host speaking one wire API; a provider only translates requests and answers.</summary>
public interface IModelProvider
{
    /// <summary>The endpoint name from the configuration (e.g. "gpu-box"), used in traces.</summary>
    string EndpointName { get; }

    /// <summary>Streams the answer; the last chunk has <c>Done = true</c> and carries usage.
    /// Cancelling the token must close the underlying HTTP stream at once.</summary>
    IAsyncEnumerable<ModelChunk> StreamAsync(ModelRequest request, CancellationToken cancellationToken);
}

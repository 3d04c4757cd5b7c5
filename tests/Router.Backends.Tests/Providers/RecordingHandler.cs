using System.Collections.Concurrent;

namespace Router.Backends.Tests.Providers;

/// <summary>Sends requests on over real HTTP and keeps each request's path, body and headers, to check what a provider put on the wire.</summary>
internal sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<(string Path, string Body)> Sent { get; } = new();

    /// <summary>Each request's headers, its content's included, by lower-case name.</summary>
    public ConcurrentQueue<Dictionary<string, string>> SentHeaders { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Sent.Enqueue((request.RequestUri?.AbsolutePath ?? "", body));
        SentHeaders.Enqueue(request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(", ", h.Value)));
        return await base.SendAsync(request, cancellationToken);
    }
}

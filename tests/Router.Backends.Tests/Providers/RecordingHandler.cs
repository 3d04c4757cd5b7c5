using System.Collections.Concurrent;

namespace Router.Backends.Tests.Providers;

/// <summary>Sends requests on over real HTTP and keeps each request's path and body, to check what a provider put on the wire.</summary>
internal sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<(string Path, string Body)> Sent { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Sent.Enqueue((request.RequestUri?.AbsolutePath ?? "", body));
        return await base.SendAsync(request, cancellationToken);
    }
}

using System.Collections.Concurrent;
using Router.Backends.Endpoints;
using Router.Backends.Providers;
using Router.Core.Configuration;

namespace Router.Lsp.Tests;

/// <summary>Serves every endpoint from one fake model and records which endpoints were asked for.</summary>
internal sealed class FakeProviderSource(FakeModelProvider provider) : IModelProviderSource
{
    public ConcurrentQueue<string> EndpointsAsked { get; } = new();

    public IModelProvider ProviderFor(EndpointConfig endpoint)
    {
        EndpointsAsked.Enqueue(endpoint.Name);
        return provider;
    }
}

using System.Runtime.CompilerServices;
using Router.Backends.Endpoints;
using Router.Backends.Providers;
using Router.Core.Configuration;

namespace Router.Runtime.Tests.Dispatch;

/// <summary>Serves every endpoint from <paramref name="inner"/> except <paramref name="failingEndpoint"/>, whose provider fails with <paramref name="failure"/>:
/// for errors the emulator cannot produce (an out-of-memory message from the server).</summary>
internal sealed class FailingProviderSource(IModelProviderSource inner, string failingEndpoint, Exception failure) : IModelProviderSource
{
    public IModelProvider ProviderFor(EndpointConfig endpoint) =>
        endpoint.Name == failingEndpoint ? new FailingProvider(endpoint.Name, failure) : inner.ProviderFor(endpoint);

    private sealed class FailingProvider(string name, Exception failure) : IModelProvider
    {
        public string EndpointName => name;

        public async IAsyncEnumerable<ModelChunk> StreamAsync(ModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            if (failure is not null)
            {
                throw failure;
            }

            yield break;
        }
    }
}

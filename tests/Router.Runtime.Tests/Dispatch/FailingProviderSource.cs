using System.Runtime.CompilerServices;
using Router.Backends.Endpoints;
using Router.Backends.Providers;
using Router.Core.Configuration;

namespace Router.Runtime.Tests.Dispatch;

/// <summary>Serves every endpoint from <paramref name="inner"/> except one, whose provider fails with <paramref name="failure"/>:
/// for errors the emulator cannot produce (an out-of-memory message from the server).</summary>
internal sealed class FailingProviderSource(IModelProviderSource inner, string endpoint, Exception failure) : IModelProviderSource
{
    public IModelProvider ProviderFor(EndpointConfig endpoint1) =>
        endpoint1.Name == endpoint ? new FailingProvider(endpoint1.Name, failure) : inner.ProviderFor(endpoint1);

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

using Router.Core.Configuration;
using Router.Runtime.Inventory;

namespace Router.Lsp.Tests.Completion;

/// <summary>Host facts the test states for every endpoint and model.</summary>
internal sealed class StatedModelFacts(ModelStatus status) : IModelStatusSource
{
    public ValueTask<ModelStatus> GetAsync(EndpointConfig endpoint, string model, CancellationToken cancellationToken) => ValueTask.FromResult(status);
}

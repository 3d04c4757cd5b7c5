using Router.Core.Configuration;
using Router.Runtime.Inventory;

namespace Router.Lsp.Tests;

/// <summary>Host facts stated by the test: the models in <see cref="Missing"/> are absent everywhere, others unknown.</summary>
internal sealed class FakeModelStatus : IModelStatusSource
{
    public HashSet<string> Missing { get; } = new(StringComparer.Ordinal);

    public ValueTask<ModelStatus> GetAsync(EndpointConfig endpoint, string model, CancellationToken cancellationToken)
    {
        lock (Missing)
        {
            return ValueTask.FromResult(Missing.Contains(model) ? ModelStatus.Unknown with { Present = false } : ModelStatus.Unknown);
        }
    }
}

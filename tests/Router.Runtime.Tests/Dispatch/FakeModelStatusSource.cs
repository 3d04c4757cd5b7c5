using System.Collections.Concurrent;
using Router.Core.Configuration;
using Router.Runtime.Inventory;

namespace Router.Runtime.Tests.Dispatch;

/// <summary>Model facts stated by the test per endpoint and model; anything not stated is unknown.</summary>
internal sealed class FakeModelStatusSource : IModelStatusSource
{
    private readonly ConcurrentDictionary<(string Endpoint, string Model), ModelStatus> _known = new();

    public void Set(string endpoint, string model, ModelStatus status) => _known[(endpoint, model)] = status;

    public ValueTask<ModelStatus> GetAsync(EndpointConfig endpoint, string model, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_known.TryGetValue((endpoint.Name, model), out ModelStatus? status) ? status : ModelStatus.Unknown);
}

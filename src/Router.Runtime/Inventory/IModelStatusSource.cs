using Router.Core.Configuration;

namespace Router.Runtime.Inventory;

/// <summary>Answers what an endpoint knows about a model, from a recent probe; a seam so dispatch tests can state host facts directly.</summary>
public interface IModelStatusSource
{
    /// <summary>The model's status on <paramref name="endpoint"/>; never throws for an unreachable host (gives <see cref="ModelStatus.Unknown"/>).</summary>
    ValueTask<ModelStatus> GetAsync(EndpointConfig endpoint, string model, CancellationToken cancellationToken);
}

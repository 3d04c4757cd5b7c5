using Router.Core.Configuration;

namespace Router.Runtime.Inventory;

/// <summary>Answers what an endpoint knows about a model, from a recent probe; a seam so dispatch tests can state host facts directly.</summary>
public interface IModelStatusSource
{
    /// <summary>The model's status on <paramref name="endpoint"/>; never throws for an unreachable host (gives <see cref="ModelStatus.Unknown"/>).</summary>
    ValueTask<ModelStatus> GetAsync(EndpointConfig endpoint, string model, CancellationToken cancellationToken);

    /// <summary>Asks the host now, past any cache, whether the model is in its memory: Ollama's <c>/api/ps</c> lists a model
    /// from the moment its load starts, so a model absent before a request and present while the request waits is being
    /// loaded. Null when the host cannot tell (not Ollama, no answer in time); never throws.</summary>
    ValueTask<bool?> InMemoryNowAsync(EndpointConfig endpoint, string model, CancellationToken cancellationToken) =>
        ValueTask.FromResult<bool?>(null);
}

using Router.Backends.Ollama;
using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.Placement;
using Router.Runtime.Inventory;

namespace Router.Runtime.Placement;

/// <summary>Asks each local Ollama host of the configuration what placement needs: its models' sizes (<c>/api/tags</c>),
/// shapes (<c>/api/show</c> model_info) and what is loaded with how much memory (<c>/api/ps</c>), and turns them into
/// <see cref="PlacementHost"/>s. A host that does not answer is left out.</summary>
/// <remarks>A host's memory: <c>vramGb</c> in router.yaml wins; without it, with <paramref name="budgetFromPs"/>, the memory
/// the models loaded now take (<c>/api/ps</c> shows no total, so this is a lower bound); else unknown.</remarks>
public static class PlacementProbe
{
    public static async Task<IReadOnlyList<PlacementHost>> HostsAsync(
        RouterConfig config,
        HttpClient http,
        VramCorrections corrections,
        LoadThroughputBook loads,
        bool budgetFromPs,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(corrections);
        ArgumentNullException.ThrowIfNull(loads);
        List<EndpointConfig> endpoints = [.. config.Tiers.Values.SelectMany(t => t.Endpoints).Distinct(StringComparer.Ordinal)
            .Select(name => config.Endpoints.GetValueOrDefault(name))
            .OfType<EndpointConfig>()
            .Where(e => e.Provider == ProviderKind.Ollama && !e.Cloud && e.Url is not null)];
        PlacementHost?[] hosts = await Task.WhenAll(endpoints.Select(e => HostAsync(config, e, http, corrections, loads, budgetFromPs, timeout, cancellationToken)));
        return [.. hosts.OfType<PlacementHost>()];
    }

    /// <summary>The context a model is loaded with on an endpoint: the largest of the tiers that run it there.</summary>
    public static int ContextFor(RouterConfig config, string endpoint, string model)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Tiers.Values
            .Where(t => string.Equals(t.Model, model, StringComparison.Ordinal) && t.Endpoints.Contains(endpoint, StringComparer.Ordinal))
            .Select(t => t.ContextTokens)
            .DefaultIfEmpty(VramEstimateOptions.DefaultContextTokens)
            .Max();
    }

    private static async Task<PlacementHost?> HostAsync(
        RouterConfig config,
        EndpointConfig endpoint,
        HttpClient http,
        VramCorrections corrections,
        LoadThroughputBook loads,
        bool budgetFromPs,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using CancellationTokenSource limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        using OllamaProvider host = new(endpoint.Name, endpoint.Url!, http);
        try
        {
            var tags = await host.ListModelsAsync(limit.Token);
            var running = await host.ListRunningModelsAsync(limit.Token);
            foreach (var loaded in running)
            {
                corrections.Note(endpoint.Name, loaded.Name, loaded.SizeVram);
            }

            List<PlacementModel> models = [];
            IEnumerable<string> served = config.Tiers.Values.Where(t => t.Endpoints.Contains(endpoint.Name, StringComparer.Ordinal)).Select(t => t.Model).Distinct(StringComparer.Ordinal);
            foreach (string model in served)
            {
                var present = tags.FirstOrDefault(m => OllamaModelName.SameModel(m.Name, model));
                if (present is null)
                {
                    continue;
                }

                int context = ContextFor(config, endpoint.Name, model);
                var show = await host.ShowAsync(present.Name, limit.Token);
                VramEstimate estimate = ModelShape.FromModelInfo(OllamaModelFacts.ModelInfo(show)) is { } shape
                    ? VramEstimator.Estimate(shape, present.Size, new VramEstimateOptions { ContextTokens = context })
                    : VramEstimate.WeightsOnly(present.Size);
                long? observed = corrections.Observed(endpoint.Name, present.Name) ?? corrections.Observed(endpoint.Name, model);
                estimate = observed is { } size ? estimate.CorrectedBy(size) : estimate;
                double loadSeconds = loads.Predict(endpoint.Name, present.Size).TotalSeconds;
                models.Add(new PlacementModel(model, estimate, loadSeconds, context));
            }

            (long? budget, string source) = endpoint.VramGb is { } gb
                ? ((long?)(long)(gb * 1e9), "vramGb in router.yaml")
                : budgetFromPs && running.Sum(r => r.SizeVram) is > 0 and var loadedNow
                    ? (loadedNow, "/api/ps: the models loaded now, a lower bound")
                    : (null, "unknown: set vramGb in router.yaml");
            return new PlacementHost(endpoint.Name, budget, source, models);
        }
        catch (Exception e) when (e is ProviderException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}

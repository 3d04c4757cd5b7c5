using System.Globalization;
using Router.Core.Configuration;
using Router.Core.Requests;

namespace Router.Core.Placement;

/// <summary>Places the configuration's local models on its hosts: a tier's requests count on the first of its endpoints whose
/// GPU can hold its model, and each host keeps the set <see cref="ResidentSetChooser"/> chooses.</summary>
public static class PlacementPlanner
{
    /// <param name="requestsPerHour">Requests an hour per tier and model (the usage ledger's rates, or
    /// <see cref="WorkloadRates.Default"/>); a missing pair counts as none.</param>
    public static PlacementPlan Plan(RouterConfig config, IReadOnlyList<PlacementHost> hosts, IReadOnlyDictionary<(Tier Tier, string Model), double> requestsPerHour)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(requestsPerHour);
        Dictionary<string, PlacementHost> byName = hosts.ToDictionary(h => h.Endpoint, StringComparer.Ordinal);
        Dictionary<string, Dictionary<string, double>> rates = hosts.ToDictionary(h => h.Endpoint, _ => new Dictionary<string, double>(StringComparer.Ordinal), StringComparer.Ordinal);
        List<UnplacedModel> unplaced = [];

        foreach ((Tier tier, TierConfig tierConfig) in config.Tiers.OrderBy(t => t.Key))
        {
            List<PlacementHost> tierHosts = [.. tierConfig.Endpoints.Where(byName.ContainsKey).Select(e => byName[e])];
            if (tierHosts.Count == 0)
            {
                continue;
            }

            double rate = requestsPerHour.TryGetValue((tier, tierConfig.Model), out double r) ? r : 0;
            PlacementHost? home = tierHosts.FirstOrDefault(h => Find(h, tierConfig.Model) is { } m && (h.BudgetBytes is null || m.Vram.Total <= h.BudgetBytes));
            if (home is null)
            {
                if (tierHosts.Any(h => h.BudgetBytes is not null && Find(h, tierConfig.Model) is not null))
                {
                    unplaced.Add(new UnplacedModel(tier, tierConfig.Model, WhyNot(tierConfig.Model, tierHosts)));
                }

                continue;
            }

            rates[home.Endpoint][tierConfig.Model] = rates[home.Endpoint].GetValueOrDefault(tierConfig.Model) + rate;
        }

        List<HostPlacement> placements = [];
        foreach (PlacementHost host in hosts)
        {
            List<PlacementCandidate> candidates = [.. rates[host.Endpoint].Select(pair =>
                Find(host, pair.Key) is { } model ? new PlacementCandidate(model.Model, model.Vram.Total, pair.Value, model.LoadSeconds) : null)
                .OfType<PlacementCandidate>()];
            placements.Add(host.BudgetBytes is { } budget
                ? ResidentSetChooser.Choose(host.Endpoint, budget, candidates)
                : new HostPlacement(host.Endpoint, 0, [], [.. candidates.OrderBy(c => c.Model, StringComparer.Ordinal)], []));
        }

        return new PlacementPlan(placements, unplaced, hosts);
    }

    private static PlacementModel? Find(PlacementHost host, string model) =>
        host.Models.FirstOrDefault(m => string.Equals(m.Model, model, StringComparison.Ordinal));

    private static string WhyNot(string model, List<PlacementHost> hosts) => string.Join("; ", hosts
        .Where(h => h.BudgetBytes is not null && Find(h, model) is not null)
        .Select(h => string.Create(
            CultureInfo.InvariantCulture,
            $"{h.Endpoint}: needs {Gb(Find(h, model)!.Vram.Total)} GB, has {Gb(h.BudgetBytes!.Value)} GB ({h.BudgetSource})")));

    /// <summary>Bytes as GB (10^9), one decimal, as Ollama prints sizes.</summary>
    public static string Gb(long bytes) => (bytes / 1e9).ToString("0.0", CultureInfo.InvariantCulture);
}

using Microsoft.Extensions.Logging;
using Router.Core.Configuration;
using Router.Core.Placement;

namespace Router.Runtime.Placement;

/// <summary>The placement a process runs with: the plan in force (empty until the hosts have been asked), the measured load
/// throughput per host and the memory each host reported per model.</summary>
public sealed class PlacementState(ILogger? logger = null)
{
    private PlacementPlan _plan = PlacementPlan.Empty;

    public PlacementPlan Plan => Volatile.Read(ref _plan);

    public LoadThroughputBook Loads { get; } = new(logger);

    public VramCorrections Vram { get; } = new();

    public void Install(PlacementPlan plan) => Volatile.Write(ref _plan, plan ?? throw new ArgumentNullException(nameof(plan)));

    /// <summary>Asks the hosts with <c>vramGb</c> in router.yaml, plans with <paramref name="requestsPerHour"/> (the default mix
    /// when null) and installs the plan; the hosts without a budget get none, so their requests go out as before.</summary>
    public async Task<PlacementPlan> RefreshAsync(
        RouterConfig config,
        HttpClient http,
        IReadOnlyDictionary<(Core.Requests.Tier Tier, string Model), double>? requestsPerHour,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        IReadOnlyList<PlacementHost> hosts = await PlacementProbe.HostsAsync(config, http, Vram, Loads, budgetFromPs: false, timeout, cancellationToken);
        PlacementPlan plan = PlacementPlanner.Plan(config, [.. hosts.Where(h => h.BudgetBytes is not null)], requestsPerHour ?? WorkloadRates.Default(config));
        Install(plan);
        return plan;
    }
}

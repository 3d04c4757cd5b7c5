using Router.Core.Placement;
using Router.Core.Requests;

namespace Router.Cli.Planning;

/// <summary>Turns a <see cref="PlacementPlan"/> into what `router plan` shows.</summary>
internal static class PlanReportBuilder
{
    public static PlanReport Build(string config, string rates, PlacementPlan plan)
    {
        List<PlanHost> hosts = [];
        foreach (HostPlacement host in plan.Hosts)
        {
            PlacementHost facts = plan.Facts.First(f => string.Equals(f.Endpoint, host.Host, StringComparison.Ordinal));
            List<PlanModel> models =
            [
                .. host.Kept.Select(c => Model(facts, c, "keep", PlacementPlan.KeptKeepAlive)),
                .. host.Transient.Select(c => Model(facts, c, "transient", PlacementPlan.TransientKeepAlive)),
                .. host.Displacing.Select(c => Model(facts, c, "displacing", PlacementPlan.TransientKeepAlive)),
                .. host.TooLarge.Select(c => Model(facts, c, "too large", null)),
            ];
            bool known = facts.BudgetBytes is not null;
            hosts.Add(new PlanHost(
                host.Host,
                facts.BudgetBytes,
                facts.BudgetSource,
                models,
                known ? host.MaxLoadedModels : null,
                known ? PlacementPlan.TransientKeepAlive : null,
                host.SavedSecondsPerHour));
        }

        return new PlanReport(config, rates, hosts, [.. plan.Unplaced.Select(u => new PlanUnplaced(u.Tier.Name(), u.Model, u.Reason))]);
    }

    private static PlanModel Model(PlacementHost facts, PlacementCandidate candidate, string placement, string? keepAlive)
    {
        PlacementModel model = facts.Models.First(m => string.Equals(m.Model, candidate.Model, StringComparison.Ordinal));
        return new PlanModel(
            candidate.Model, placement, candidate.VramBytes, model.Vram.Observed is not null, model.ContextTokens, candidate.RequestsPerHour, candidate.LoadSeconds, keepAlive);
    }
}

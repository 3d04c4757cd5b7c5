using Router.Core.Configuration;
using Router.Core.Placement;
using Router.Core.Requests;
using Router.Core.Tests.Configuration;

namespace Router.Core.Tests.Placement;

public sealed class PlacementPlannerTests
{
    private const long Gb = 1_000_000_000;

    private static RouterConfig Eval => ConfigYaml.LoadGood(ConfigYaml.Eval);

    [Fact]
    public void A_tier_whose_model_fits_no_host_is_named_with_the_numbers()
    {
        RouterConfig config = Eval;
        string heavy = config.Tiers[Tier.Heavy].Model;
        List<PlacementHost> hosts = [.. config.Tiers[Tier.Heavy].Endpoints.Where(e => !config.Endpoints[e].Cloud)
            .Select(e => new PlacementHost(e, 8 * Gb, "vramGb in router.yaml", [Model(heavy, 22 * Gb)]))];

        PlacementPlan plan = PlacementPlanner.Plan(config, hosts, WorkloadRates.Default(config));

        UnplacedModel unplaced = Assert.Single(plan.Unplaced, u => u.Tier == Tier.Heavy);
        Assert.Contains("needs 22.0 GB, has 8.0 GB", unplaced.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Kept_models_get_keep_alive_forever_and_the_others_a_short_one()
    {
        RouterConfig config = Eval;
        string code = config.Tiers[Tier.Code].Model;
        string host = config.Tiers[Tier.Code].Endpoints[0];
        PlacementHost facts = new(host, 24 * Gb, "vramGb in router.yaml", [Model(code, 11 * Gb), Model("other:7b", 6 * Gb)]);

        PlacementPlan plan = PlacementPlanner.Plan(config, [facts], WorkloadRates.Default(config));

        Assert.Equal("-1", plan.KeepAliveFor(host, code));
        Assert.Equal(PlacementPlan.TransientKeepAlive, plan.KeepAliveFor(host, "other:7b"));
        Assert.Null(plan.KeepAliveFor("nowhere", code));
        Assert.Equal(8192, plan.ContextFor(host, code));
    }

    [Fact]
    public void A_rates_file_replaces_the_default_rate_of_the_tiers_it_names()
    {
        RouterConfig config = Eval;

        var (rates, errors) = WorkloadRates.Parse("# a quiet day\ncode 12\nquick qwen2.5:7b 3.5\n", config);

        Assert.Empty(errors);
        Assert.Equal(12, rates[(Tier.Code, config.Tiers[Tier.Code].Model)]);
        Assert.Equal(3.5, rates[(Tier.Quick, "qwen2.5:7b")]);
        Assert.False(rates.ContainsKey((Tier.Quick, config.Tiers[Tier.Quick].Model)));
        Assert.Equal(WorkloadRates.DefaultPerTier[Tier.Heavy], rates[(Tier.Heavy, config.Tiers[Tier.Heavy].Model)]);
    }

    [Fact]
    public void A_bad_rates_line_is_an_error_at_its_line_and_the_rest_still_counts()
    {
        var (rates, errors) = WorkloadRates.Parse("code 12\ncode many\nwizard 3\n", Eval, "rates.txt");

        Assert.Equal(["rates.txt:2", "rates.txt:3"], errors.Select(e => e.Split(": ")[0]));
        Assert.Equal(12, rates[(Tier.Code, Eval.Tiers[Tier.Code].Model)]);
    }

    private static PlacementModel Model(string name, long bytes) => new(name, new VramEstimate(bytes, 0, 0, 0), bytes / 2e9, 8192);
}

using Router.Core.Policy;
using Router.Core.Requests;
using Router.Core.Tests.Configuration;
using static Router.Core.Tests.Policy.Requests;

namespace Router.Core.Tests.Policy;

public sealed class ModelOverrideTests
{
    private static RoutePolicy With(ModelOverrides overrides) => new(ConfigYaml.LoadGood(ConfigYaml.Eval), overrides: overrides);

    [Fact]
    public void A_tiers_model_named_for_explain_sends_explain_to_that_tier_with_its_fallbacks()
    {
        RouteDecision decision = With(new ModelOverrides(Explain: "qwen2.5-coder:32b")).Decide(Explain("for k in d:\n    print(k)"));

        Assert.Equal((Tier.Heavy, "qwen2.5-coder:32b", "gpu-box"), (decision.Tier, decision.Model, decision.Endpoint));
        Assert.Contains(decision.FallbackChain, step => step.Tier == Tier.Code && step.Model == "qwen2.5-coder:14b");
        Assert.Equal("router.models.explain", decision.ModelSetting);
        Assert.Contains("model set by router.models.explain: qwen2.5-coder:32b (tier heavy)", decision.Reasons);
    }

    [Fact]
    public void A_model_of_no_tier_runs_on_the_routed_tiers_endpoints_and_nowhere_else()
    {
        RouteDecision decision = With(new ModelOverrides(Completion: "starcoder2:3b")).Decide(Completion("def area(r):\n    return "));

        Assert.Equal((Tier.Code, "starcoder2:3b", "gpu-box"), (decision.Tier, decision.Model, decision.Endpoint));
        Assert.Empty(decision.FallbackChain);
        Assert.Empty(decision.EscalationPath);
        Assert.Contains(decision.Reasons, r => r.StartsWith("model set by router.models.completion: starcoder2:3b", StringComparison.Ordinal));
    }

    [Fact]
    public void A_private_request_stays_local_when_the_named_model_is_a_cloud_tiers()
    {
        RouteDecision decision = With(new ModelOverrides(Chat: "claude-sonnet-4-5")).Decide(Chat("why does this fail? key AKIAQWERTYUIOPASDFGH"));

        Assert.True(decision.LocalOnly);
        Assert.NotEqual(Tier.Frontier, decision.Tier);
        Assert.NotEqual("claude", decision.Endpoint);
        Assert.Null(decision.ModelSetting);
        Assert.Contains(decision.Reasons, r => r.StartsWith("router.models.chat (claude-sonnet-4-5, tier frontier) set aside: the request is private", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cloud_model_named_past_the_daily_budget_is_set_aside()
    {
        RouteDecision decision = With(new ModelOverrides(Explain: "claude-sonnet-4-5")).Decide(Explain("x = 1"), spentTodayUsd: 5.0);

        Assert.Equal(Tier.Quick, decision.Tier);
        Assert.Contains(decision.Reasons, r => r.Contains("set aside: over budget", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cloud_model_named_within_budget_is_used()
    {
        RouteDecision decision = With(new ModelOverrides(Explain: "claude-sonnet-4-5")).Decide(Explain("x = 1"));

        Assert.Equal((Tier.Frontier, "claude"), (decision.Tier, decision.Endpoint));
    }

    [Fact]
    public void An_override_for_another_kind_or_an_empty_one_changes_nothing()
    {
        RouteDecision routed = new RoutePolicy(ConfigYaml.LoadGood(ConfigYaml.Eval)).Decide(Explain("x = 1"));
        RouteDecision decision = With(new ModelOverrides(Completion: "starcoder2:3b", Explain: "  ")).Decide(Explain("x = 1"));

        Assert.Equal((routed.Tier, routed.Model, routed.Endpoint), (decision.Tier, decision.Model, decision.Endpoint));
        Assert.Equal(routed.Reasons, decision.Reasons);
        Assert.Null(decision.ModelSetting);
    }
}

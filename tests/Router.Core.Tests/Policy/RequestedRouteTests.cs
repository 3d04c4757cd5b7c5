using Router.Core.Policy;
using Router.Core.Requests;
using Router.Core.Tests.Configuration;
using static Router.Core.Tests.Policy.Requests;

namespace Router.Core.Tests.Policy;

/// <summary>A tier or model the client names for one request (the gateway's <c>router/&lt;tier&gt;</c> and pass-through names).</summary>
public sealed class RequestedRouteTests
{
    private static RoutePolicy Policy() => new(ConfigYaml.LoadGood(ConfigYaml.Eval));

    [Fact]
    public void A_requested_tier_takes_the_request_with_its_own_fallbacks()
    {
        RouteDecision decision = Policy().Decide(Chat("What is the capital of France?") with { RequestedTier = Tier.Heavy });

        Assert.Equal((Tier.Heavy, "qwen2.5-coder:32b", "gpu-box"), (decision.Tier, decision.Model, decision.Endpoint));
        Assert.Contains("tier heavy requested", decision.Reasons);
        Assert.Null(decision.ModelSetting);
    }

    [Fact]
    public void A_private_request_for_the_frontier_tier_stays_local()
    {
        RouteDecision decision = Policy().Decide(Chat("why does this fail? key AKIAQWERTYUIOPASDFGH") with { RequestedTier = Tier.Frontier });

        Assert.True(decision.LocalOnly);
        Assert.NotEqual(Tier.Frontier, decision.Tier);
        Assert.NotEqual("claude", decision.Endpoint);
        Assert.DoesNotContain(decision.FallbackChain, step => step.Endpoint == "claude");
        Assert.Contains(decision.Reasons, r => r.StartsWith("tier frontier requested, set aside: the request is private", StringComparison.Ordinal));
    }

    [Fact]
    public void A_requested_model_wins_over_the_editor_setting_and_names_no_setting()
    {
        RoutePolicy policy = new(ConfigYaml.LoadGood(ConfigYaml.Eval), overrides: new ModelOverrides(Chat: "qwen2.5-coder:14b"));

        RouteDecision decision = policy.Decide(Chat("What is the capital of France?") with { RequestedModel = "qwen2.5-coder:32b" });

        Assert.Equal((Tier.Heavy, "qwen2.5-coder:32b"), (decision.Tier, decision.Model));
        Assert.Null(decision.ModelSetting);
        Assert.Contains("model set by the request: qwen2.5-coder:32b (tier heavy)", decision.Reasons);
    }

    [Fact]
    public void A_private_request_naming_a_cloud_model_stays_local()
    {
        RouteDecision decision = Policy().Decide(Chat("why does this fail? key AKIAQWERTYUIOPASDFGH") with { RequestedModel = "claude-sonnet-4-5" });

        Assert.True(decision.LocalOnly);
        Assert.NotEqual("claude", decision.Endpoint);
        Assert.DoesNotContain(decision.FallbackChain, step => step.Endpoint == "claude");
    }
}

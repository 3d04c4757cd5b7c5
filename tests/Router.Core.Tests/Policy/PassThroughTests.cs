using Router.Core.Policy;
using Router.Core.Requests;
using Router.Core.Tests.Configuration;
using static Router.Core.Tests.Policy.Requests;

namespace Router.Core.Tests.Policy;

/// <summary>A model the client names that is no tier's model goes to the hosts whose model lists name it, whatever their tier;
/// the hosts' lists come in as data (<see cref="ModelHosts"/>), so the policy stays pure.</summary>
public sealed class PassThroughTests
{
    private const string Secret = "why does this fail? key AKIAQWERTYUIOPASDFGH";

    private static RoutePolicy Policy() => new(ConfigYaml.LoadGood(ConfigYaml.Eval));

    private static RouteRequest Asking(string model, string text = "What is the capital of France?") => Chat(text) with { RequestedModel = model };

    [Fact]
    public void A_model_only_a_host_of_another_tier_lists_goes_to_that_host_and_nowhere_else()
    {
        // Chat routes to quick (laptop); only gpu-box has the model.
        RouteDecision decision = Policy().Decide(Asking("llama3.1:8b"), hosts: new ModelHosts("llama3.1:8b", ["gpu-box"], []));

        Assert.Equal(("llama3.1:8b", "gpu-box"), (decision.Model, decision.Endpoint));
        Assert.Empty(decision.FallbackChain);
        Assert.Empty(decision.EscalationPath);
        Assert.Contains("model llama3.1:8b on gpu-box", decision.Reasons);
        Assert.Equal(["gpu-box"], decision.PassThrough!.Hosts);
    }

    [Fact]
    public void Several_hosts_with_the_model_are_tried_in_the_order_given_then_hosts_whose_list_is_unknown_then_the_cloud()
    {
        RouteDecision decision = Policy().Decide(Asking("llama3.1:8b"), hosts: new ModelHosts("llama3.1:8b", ["gpu-box", "laptop"], ["claude"]));

        Assert.Equal(
            ["gpu-box", "laptop", "claude"],
            [decision.Endpoint, .. decision.FallbackChain.Select(step => step.Endpoint)]);
        Assert.All(decision.FallbackChain, step => Assert.Equal("llama3.1:8b", step.Model));
        Assert.Equal(Tier.Frontier, decision.FallbackChain[^1].Tier);
        Assert.Contains("model llama3.1:8b on gpu-box (also on laptop)", decision.Reasons);
    }

    [Fact]
    public void A_private_request_never_gets_a_cloud_endpoint_and_the_decision_says_which_were_kept_off()
    {
        RouteDecision decision = Policy().Decide(Asking("llama3.1:8b", Secret), hosts: new ModelHosts("llama3.1:8b", ["laptop"], ["claude"]));

        Assert.True(decision.LocalOnly);
        Assert.Equal("laptop", decision.Endpoint);
        Assert.DoesNotContain(decision.FallbackChain, step => step.Endpoint == "claude");
        Assert.Equal(["claude"], decision.PassThrough!.KeptOff);
    }

    [Fact]
    public void A_private_request_for_a_model_only_the_cloud_may_serve_has_no_host_with_it_and_names_the_cloud_it_kept_off()
    {
        RouteDecision decision = Policy().Decide(Asking("claude-opus-4-1", Secret), hosts: new ModelHosts("claude-opus-4-1", [], ["claude"]));

        Assert.True(decision.LocalOnly);
        Assert.NotEqual("claude", decision.Endpoint);
        Assert.DoesNotContain(decision.FallbackChain, step => step.Endpoint == "claude");
        Assert.Empty(decision.PassThrough!.Hosts);
        Assert.Equal(["claude"], decision.PassThrough.KeptOff);
        Assert.Contains("model claude-opus-4-1: claude not asked, the request is private", decision.Reasons);
    }

    [Fact]
    public void A_model_no_host_lists_is_asked_of_the_hosts_whose_lists_are_unknown()
    {
        RouteDecision decision = Policy().Decide(Asking("mistral:7b"), hosts: new ModelHosts("mistral:7b", [], ["laptop", "claude"]));

        Assert.Equal(["laptop", "claude"], [decision.Endpoint, .. decision.FallbackChain.Select(step => step.Endpoint)]);
        Assert.Empty(decision.PassThrough!.Hosts);
        Assert.Contains(decision.Reasons, r => r.StartsWith("model mistral:7b: no host lists it; asking laptop, claude", StringComparison.Ordinal));
    }

    [Fact]
    public void A_model_that_every_known_host_lacks_stays_on_the_routed_tier_for_the_dispatcher_to_find_missing()
    {
        RouteDecision decision = Policy().Decide(Asking("mistral:7b"), hosts: new ModelHosts("mistral:7b", [], []));

        Assert.Equal((Tier.Quick, "mistral:7b", "laptop"), (decision.Tier, decision.Model, decision.Endpoint));
        Assert.Empty(decision.PassThrough!.Hosts);
        Assert.Contains("model mistral:7b: no host lists it", decision.Reasons);
    }

    [Fact]
    public void A_cloud_host_is_left_out_when_the_request_would_pass_the_daily_budget()
    {
        RouteDecision decision = Policy().Decide(Asking("mistral:7b"), spentTodayUsd: 100, hosts: new ModelHosts("mistral:7b", ["laptop"], ["claude"]));

        Assert.Equal("laptop", decision.Endpoint);
        Assert.Empty(decision.FallbackChain);
        Assert.Contains(decision.Reasons, r => r.StartsWith("model mistral:7b not asked of claude: over budget", StringComparison.Ordinal));
    }

    [Fact]
    public void Endpoints_the_configuration_does_not_have_are_ignored()
    {
        RouteDecision decision = Policy().Decide(Asking("mistral:7b"), hosts: new ModelHosts("mistral:7b", ["gone", "gpu-box"], ["elsewhere"]));

        Assert.Equal("gpu-box", decision.Endpoint);
        Assert.Empty(decision.FallbackChain);
    }

    [Fact]
    public void A_tiers_own_model_keeps_its_tier_and_fallbacks_whatever_the_hosts_list()
    {
        RouteDecision decision = Policy().Decide(Asking("qwen2.5-coder:32b"), hosts: new ModelHosts("qwen2.5-coder:32b", ["laptop"], []));

        Assert.Equal((Tier.Heavy, "gpu-box"), (decision.Tier, decision.Endpoint));
        Assert.Null(decision.PassThrough);
    }

    [Fact]
    public void Without_host_lists_a_named_model_stays_on_the_routed_tiers_endpoints_as_before()
    {
        RouteDecision decision = Policy().Decide(Asking("llama3.1:8b"));

        Assert.Equal((Tier.Quick, "llama3.1:8b", "laptop"), (decision.Tier, decision.Model, decision.Endpoint));
        Assert.Null(decision.PassThrough);
    }
}

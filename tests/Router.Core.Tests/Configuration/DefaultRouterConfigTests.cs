using Router.Core.Configuration;
using Router.Core.Requests;

namespace Router.Core.Tests.Configuration;

public sealed class DefaultRouterConfigTests
{
    public static TheoryData<Tier, string, int> DefaultTiers => new()
    {
        { Tier.Quick, "qwen2.5:3b", 8192 },
        { Tier.Code, "qwen2.5-coder:14b", 16384 },
        { Tier.Reasoning, "deepseek-r1:8b", 16384 },
        { Tier.Heavy, "qwen2.5-coder:32b", 32768 },
        { Tier.Vision, "granite3.2-vision:2b", 8192 },
    };

    [Theory]
    [MemberData(nameof(DefaultTiers))]
    public void Default_tier_runs_the_policy_model_on_local_ollama(Tier tier, string model, int context)
    {
        RouterConfig config = RouterConfig.Default;

        Assert.Equal(model, config.Tiers[tier].Model);
        Assert.Equal(context, config.Tiers[tier].ContextTokens);
        EndpointConfig endpoint = Assert.Single(config.EndpointsOf(tier, localOnly: true));
        Assert.Equal(new Uri("http://localhost:11434"), endpoint.Url);
        Assert.Equal(ProviderKind.Ollama, endpoint.Provider);
    }

    [Fact]
    public void Default_has_no_frontier()
    {
        Assert.False(RouterConfig.Default.IsConfigured(Tier.Frontier));
    }

    [Fact]
    public void Empty_file_means_the_defaults_with_a_warning()
    {
        ConfigLoadResult result = RouterConfigLoader.Load("", "router.yaml", _ => null);

        Assert.True(result.Succeeded);
        Assert.Single(result.Warnings);
        Assert.Equal(RouterConfig.Default.Tiers[Tier.Heavy], result.Config!.Tiers[Tier.Heavy]);
    }
}

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

    [Fact]
    public void The_built_in_default_written_as_router_yaml_loads_to_the_same_configuration()
    {
        RouterConfig expected = RouterConfig.Default;

        RouterConfig loaded = ConfigYaml.LoadGood(RouterConfigYaml.Write(expected));

        Assert.Equal(expected.Endpoints.Values, loaded.Endpoints.Values);
        Assert.Equal(expected.Tiers.Keys, loaded.Tiers.Keys);
        foreach ((Tier tier, TierConfig config) in expected.Tiers)
        {
            Assert.Equal(config with { Endpoints = Array.Empty<string>() }, loaded.Tiers[tier] with { Endpoints = Array.Empty<string>() });
            Assert.Equal(config.Endpoints, loaded.Tiers[tier].Endpoints);
        }

        Assert.Equal(expected.Routes, loaded.Routes);
        Assert.Equal(expected.Fallbacks.Keys, loaded.Fallbacks.Keys);
        Assert.All(expected.Fallbacks, pair => Assert.Equal(pair.Value, loaded.Fallbacks[pair.Key]));
        Assert.Equal(expected.Escalation, loaded.Escalation);
        Assert.Equal(expected.Continuity, loaded.Continuity);
        Assert.Equal(expected.Privacy.Mode, loaded.Privacy.Mode);
        Assert.Equal(expected.Privacy.PrivatePaths, loaded.Privacy.PrivatePaths);
        Assert.Equal(expected.Budget, loaded.Budget);
    }
}

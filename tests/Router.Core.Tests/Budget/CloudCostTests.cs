using Router.Core.Budget;
using Router.Core.Configuration;
using Router.Core.Requests;

namespace Router.Core.Tests.Budget;

public sealed class CloudCostTests
{
    private static readonly TierConfig Sonnet = new(Tier.Frontier, "claude-sonnet-4-5", ["claude"], 200000, 3.0, 15.0);

    [Theory]
    [InlineData(1_000_000, 0, 3.0)]
    [InlineData(0, 1_000_000, 15.0)]
    [InlineData(10_000, 2_000, 0.06)]
    [InlineData(0, 0, 0.0)]
    public void Cost_is_each_side_priced_per_million_tokens(long prompt, long output, double usd)
    {
        Assert.Equal(usd, CloudCost.Usd(Sonnet, prompt, output), 9);
    }

    [Fact]
    public void Local_tier_without_prices_costs_nothing()
    {
        TierConfig local = new(Tier.Heavy, "qwen2.5-coder:32b", ["gpu-box"], 32768, 0, 0);

        Assert.Equal(0, CloudCost.Usd(local, 50_000, 4_000));
    }

    [Fact]
    public void Negative_token_counts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CloudCost.Usd(Sonnet, -1, 0));
    }
}

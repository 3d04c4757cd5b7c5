using Router.Core.Configuration;
using Router.Core.Requests;

namespace Router.Core.Tests.Configuration;

public sealed class LastGoodConfigTests
{
    [Fact]
    public void Good_edit_takes_effect_for_the_next_read()
    {
        LastGoodConfig holder = new(RouterConfig.Default);

        bool applied = holder.Apply(ConfigYaml.Load(ConfigYaml.Eval));

        Assert.True(applied);
        Assert.True(holder.Current.IsConfigured(Tier.Frontier));
    }

    [Fact]
    public void Broken_edit_keeps_the_last_good_config_and_says_why()
    {
        LastGoodConfig holder = new(ConfigYaml.LoadGood(ConfigYaml.Eval));
        RouterConfig before = holder.Current;

        bool applied = holder.Apply(ConfigYaml.Load(ConfigYaml.EvalWith("  explain: quick", "  explain: nowhere")));

        Assert.False(applied);
        Assert.Same(before, holder.Current);
        ConfigDiagnostic why = Assert.Single(holder.LastProblems, d => d.IsError);
        Assert.Equal("routes.explain", why.Key);
    }

    [Fact]
    public void Fixing_the_edit_afterwards_applies_it()
    {
        LastGoodConfig holder = new(RouterConfig.Default);
        holder.Apply(ConfigYaml.Load("routes: [not, a, mapping]"));

        bool applied = holder.Apply(ConfigYaml.Load(ConfigYaml.EvalWith("  explain: quick", "  explain: code")));

        Assert.True(applied);
        Assert.Equal(Tier.Code, holder.Current.Routes.Explain);
        Assert.DoesNotContain(holder.LastProblems, d => d.IsError);
    }
}

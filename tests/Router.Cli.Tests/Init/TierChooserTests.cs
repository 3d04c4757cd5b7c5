using Router.Cli.Init;
using Router.Core.Requests;

namespace Router.Cli.Tests.Init;

/// <summary>The pure choice of a model per tier from what the hosts have.</summary>
public sealed class TierChooserTests
{
    private static HostModel Model(string name, string parameters, params string[] capabilities) =>
        new(name, 1_000_000_000, parameters, capabilities, 32768);

    private static InitPlan Choose(params HostModel[] models) =>
        TierChooser.Choose([new HostSurvey("box", new Uri("http://127.0.0.1:11434/"), "0.12.6", models, [], null)]);

    [Fact]
    public void Code_prefers_a_model_with_insert_over_a_larger_one_without()
    {
        var plan = Choose(
            Model("codellama:34b", "34B", "completion"),
            Model("qwen2.5-coder:7b", "7.6B", "completion", "insert"),
            Model("llama3.1:8b", "8.0B", "completion", "tools"));

        Assert.Equal("qwen2.5-coder:7b", plan.Choice(Tier.Code).Model.Name);
        Assert.True(plan.Choice(Tier.Code).Suitable);
    }

    [Fact]
    public void Code_takes_the_largest_insert_coder_up_to_16b_rather_than_a_32b_one()
    {
        var plan = Choose(
            Model("qwen2.5-coder:32b", "32.8B", "completion", "insert"),
            Model("qwen2.5-coder:14b", "14.8B", "completion", "insert"),
            Model("qwen2.5-coder:1.5b", "1.5B", "completion", "insert"));

        Assert.Equal("qwen2.5-coder:14b", plan.Choice(Tier.Code).Model.Name);
        Assert.Equal("qwen2.5-coder:32b", plan.Choice(Tier.Heavy).Model.Name);
        Assert.Equal("qwen2.5-coder:1.5b", plan.Choice(Tier.Quick).Model.Name);
    }

    [Fact]
    public void Completion_never_falls_back_to_a_model_that_cannot_fill_in_the_middle()
    {
        var plan = Choose(
            Model("qwen2.5-coder:14b", "14.8B", "completion", "insert"),
            Model("llama3.2:3b", "3.2B", "completion", "tools"));

        Assert.Equal("llama3.2:3b", plan.Choice(Tier.Quick).Model.Name);
        Assert.Empty(plan.Fallbacks.Single(f => f.Tier == Tier.Code).Chain);
        // heavy runs the same 14B as code, so it falls back straight to quick: asking the same model again would not help.
        Assert.Equal([Tier.Quick], plan.Fallbacks.Single(f => f.Tier == Tier.Heavy).Chain);
    }

    [Fact]
    public void Completion_falls_back_to_a_smaller_coder_that_fills_in_the_middle()
    {
        var plan = Choose(
            Model("qwen2.5-coder:14b", "14.8B", "completion", "insert"),
            Model("qwen2.5-coder:1.5b", "1.5B", "completion", "insert"));

        Assert.Equal([Tier.Quick], plan.Fallbacks.Single(f => f.Tier == Tier.Code).Chain);
    }

    [Fact]
    public void Quick_prefers_a_small_general_model_to_a_small_coder()
    {
        var plan = Choose(
            Model("qwen2.5-coder:1.5b", "1.5B", "completion", "insert"),
            Model("qwen2.5:3b", "3.1B", "completion", "tools"),
            Model("qwen2.5:14b", "14.8B", "completion", "tools"));

        Assert.Equal("qwen2.5:3b", plan.Choice(Tier.Quick).Model.Name);
    }

    [Fact]
    public void Reasoning_goes_to_a_thinking_model_and_vision_to_one_that_sees()
    {
        var plan = Choose(
            Model("qwen2.5:7b", "7.6B", "completion"),
            Model("deepseek-r1:8b", "8.2B", "completion", "thinking"),
            Model("llava:7b", "7B", "completion", "vision"),
            Model("nomic-embed-text:latest", "137M", "embedding"));

        Assert.Equal("deepseek-r1:8b", plan.Choice(Tier.Reasoning).Model.Name);
        Assert.Equal("llava:7b", plan.Choice(Tier.Vision).Model.Name);
        Assert.DoesNotContain(plan.Choices, c => c.Model.Name.StartsWith("nomic", StringComparison.Ordinal));
        Assert.DoesNotContain(plan.Pulls, p => p.Tiers.Contains(Tier.Reasoning) || p.Tiers.Contains(Tier.Vision));
    }

    [Fact]
    public void A_tier_with_no_suitable_model_has_a_present_stand_in_and_a_pull_with_its_size()
    {
        var plan = Choose(Model("llama3.2:3b", "3.2B", "completion", "tools"));

        var vision = plan.Choice(Tier.Vision);
        Assert.True(vision.Present);
        Assert.False(vision.Suitable);
        Assert.Equal("llama3.2:3b", vision.Model.Name);
        var pull = Assert.Single(plan.Pulls, p => p.Tiers.Contains(Tier.Vision));
        Assert.Equal("ollama pull granite3.2-vision:2b", pull.Command);
        Assert.Equal(2_400_000_000, pull.DownloadBytes);
        Assert.DoesNotContain(plan.Pulls, p => p.Tiers.Contains(Tier.Quick));
    }

    [Fact]
    public void No_model_at_all_names_the_well_known_model_of_every_tier_as_not_present()
    {
        var plan = Choose();

        Assert.All(plan.Choices, c => Assert.False(c.Present));
        Assert.Equal(5, plan.Pulls.Count);
        Assert.All(plan.Choices, c => Assert.Equal(["box"], c.Hosts));
    }

    [Fact]
    public void Unreachable_hosts_are_not_given_tiers()
    {
        var plan = TierChooser.Choose(
        [
            new HostSurvey("gpu", new Uri("http://10.0.0.2:11434/"), null, [], [], "connection refused"),
            new HostSurvey("local", new Uri("http://127.0.0.1:11434/"), "0.12.6", [Model("qwen2.5:3b", "3.1B", "completion")], [], null),
        ]);

        Assert.All(plan.Choices, c => Assert.Equal(["local"], c.Hosts));
    }

    [Theory]
    [InlineData("14.8B", 14.8)]
    [InlineData("494.03M", 0.49403)]
    [InlineData("7b", 7.0)]
    public void Parameter_sizes_read_as_billions(string text, double billions) =>
        Assert.Equal(billions, ModelTraits.ParseBillions(text)!.Value, 6);

    [Theory]
    [InlineData("")]
    [InlineData("large")]
    [InlineData("-3B")]
    public void Anything_else_is_no_parameter_size(string text) => Assert.Null(ModelTraits.ParseBillions(text));

    [Fact]
    public void Without_a_reported_parameter_size_the_tag_says_it()
    {
        Assert.Equal(32, new HostModel("qwen2.5-coder:32b-instruct-q4_K_M", 0, null, null, null).Billions);
    }
}

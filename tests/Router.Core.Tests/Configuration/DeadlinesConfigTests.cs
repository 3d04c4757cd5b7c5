using Router.Core.Configuration;

namespace Router.Core.Tests.Configuration;

public sealed class DeadlinesConfigTests
{
    private static ConfigLoadResult Load(string deadlines) =>
        ConfigYaml.Load(ConfigYaml.Eval + "\n" + deadlines, name => name == "TEST_ANTHROPIC_KEY" ? "sk-test" : null);

    [Fact]
    public void Without_a_deadlines_section_a_completion_gives_up_in_seconds_and_a_refactor_in_minutes()
    {
        RouterConfig config = Load("").Config!;

        Assert.Equal(DeadlinesConfig.Default, config.Deadlines);
        Assert.InRange(config.Deadlines.Completion, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        Assert.InRange(config.Deadlines.FirstToken, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
        Assert.True(config.Deadlines.Load >= config.Deadlines.FirstToken);
        Assert.InRange(config.Deadlines.Refactor, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Each_deadline_is_read_in_its_unit_and_the_others_keep_their_defaults()
    {
        ConfigLoadResult result = Load("deadlines: { completionMs: 1500, firstTokenSeconds: 8.5, refactorSeconds: 90 }");

        Assert.Empty(result.Diagnostics);
        DeadlinesConfig deadlines = result.Config!.Deadlines;
        Assert.Equal(TimeSpan.FromMilliseconds(1500), deadlines.Completion);
        Assert.Equal(TimeSpan.FromSeconds(8.5), deadlines.FirstToken);
        Assert.Equal(TimeSpan.FromSeconds(90), deadlines.Refactor);
        Assert.Equal(DeadlinesConfig.Default.Load, deadlines.Load);
    }

    [Theory]
    [InlineData("deadlines: { completionMs: 0 }", "deadlines.completionMs", "at least 100")]
    [InlineData("deadlines: { completionMs: 2147483647 }", "deadlines.completionMs", "at most 60,000")]
    [InlineData("deadlines: { firstTokenSeconds: soon }", "deadlines.firstTokenSeconds", "expected a number")]
    [InlineData("deadlines: { firstTokenSeconds: 30, loadSeconds: 10 }", "deadlines.loadSeconds", "not be shorter than firstTokenSeconds")]
    [InlineData("deadlines: { refactorSeconds: 1e300 }", "deadlines.refactorSeconds", "at most 3,600")]
    public void A_deadline_out_of_range_is_an_error_naming_its_key_and_line(string deadlines, string key, string message)
    {
        ConfigLoadResult result = Load(deadlines);

        Assert.Null(result.Config);
        ConfigDiagnostic error = Assert.Single(result.Errors);
        Assert.Equal(key, error.Key);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(ConfigYaml.LineOf(ConfigYaml.Eval + "\n" + deadlines, "deadlines:"), error.Line);
    }

    [Fact]
    public void An_unknown_deadline_key_is_a_warning()
    {
        ConfigLoadResult result = Load("deadlines: { chatSeconds: 5 }");

        Assert.True(result.Succeeded);
        Assert.Equal("deadlines.chatSeconds", Assert.Single(result.Warnings).Key);
    }
}

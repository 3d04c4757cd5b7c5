using Router.Cli.Benchmarking;
using Router.Core.Tokens;

namespace Router.Cli.Tests.Benchmarking;

/// <summary>Bench prompts have the token lengths of the editor's requests and never share a beginning across requests.</summary>
public sealed class BenchPromptBuilderTests
{
    [Theory]
    [InlineData("completion", 1500)]
    [InlineData("explain", 400)]
    [InlineData("refactor", 3000)]
    [InlineData("chat", 200)]
    public void A_prompt_has_its_kinds_token_length(string kind, int tokens)
    {
        BenchTaskShape shape = new[] { BenchTaskShape.Completion, BenchTaskShape.Explain, BenchTaskShape.Refactor, BenchTaskShape.Chat }
            .Single(s => s.Kind.ToString().Equals(kind, StringComparison.OrdinalIgnoreCase));

        BenchPrompt prompt = new BenchPromptBuilder().Build(shape, "run1", "0");

        // Cut at a character, a token can merge with its neighbour: within 1% of the target.
        Assert.InRange(TokenCounter.Default.Count(prompt.Text), tokens * 0.99, tokens * 1.01);
        Assert.Equal(kind == "completion", prompt.Suffix is not null);
    }

    [Fact]
    public void Two_repetitions_differ_in_their_first_line_so_no_prompt_cache_can_serve_one_from_the_other()
    {
        BenchPromptBuilder builder = new();

        string first = builder.Build(BenchTaskShape.Completion, "run1", "0").Text;
        string second = builder.Build(BenchTaskShape.Completion, "run1", "1").Text;

        Assert.NotEqual(first.Split('\n')[0], second.Split('\n')[0]);
        Assert.StartsWith("# Path: bench/run1/0/", first, StringComparison.Ordinal);
        Assert.Contains("def ", first, StringComparison.Ordinal);
    }
}

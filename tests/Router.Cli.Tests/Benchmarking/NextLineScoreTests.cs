using Router.Cli.Benchmarking;

namespace Router.Cli.Tests.Benchmarking;

/// <summary>The infill probe's scoring, on answers whose scores are known by hand.</summary>
public sealed class NextLineScoreTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("same", "same", 0)]
    public void Levenshtein_counts_the_fewest_edits(string a, string b, int distance) =>
        Assert.Equal(distance, NextLineScore.Levenshtein(a, b));

    [Fact]
    public void Only_the_first_non_empty_line_of_the_answer_is_scored()
    {
        const string answer = "\n    return a + b\n\nprint(add(1, 2))\n";

        Assert.Equal("return a + b", NextLineScore.FirstLine(answer));
        Assert.True(NextLineScore.ExactMatch("return a + b", answer));
        Assert.Equal(1, NextLineScore.EditSimilarity("return a + b", answer));
    }

    [Fact]
    public void Edit_similarity_is_one_minus_the_distance_over_the_longer_line()
    {
        // "return a - b" is one substitution from "return a + b": 1 - 1/12.
        Assert.Equal(1 - (1.0 / 12), NextLineScore.EditSimilarity("return a + b", "return a - b"), 9);
        Assert.False(NextLineScore.ExactMatch("return a + b", "return a - b"));

        // Nothing written against a 12-character line scores zero.
        Assert.Equal(0, NextLineScore.EditSimilarity("return a + b", "\n\n"));
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        Assert.Equal(new MetricSpread(25, 10, 100, 4), MetricSpread.Of([100, 10, 30, 20]));
        Assert.Equal(new MetricSpread(7, 7, 7, 1), MetricSpread.Of([7]));
        Assert.Null(MetricSpread.Of([]));
    }
}

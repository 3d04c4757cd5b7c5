using Router.Core.Tokens;
using Router.Lsp.Completion;

namespace Router.Lsp.Tests.Completion;

public sealed class FillInTheMiddleContextBuilderTests
{
    private static string Lines(int count, string tag) =>
        string.Concat(Enumerable.Range(0, count).Select(i => $"{tag} line number {i:D3};\n"));

    [Fact]
    public void Prefix_keeps_its_end_and_suffix_keeps_its_start_at_line_boundaries()
    {
        string before = Lines(200, "before");
        string after = Lines(200, "after");
        string text = before + "int x = " + "\n" + after;
        int cursor = before.Length + "int x = ".Length;
        FillInTheMiddleContextBuilder builder = new(TokenCounter.Default, prefixBudget: 100, suffixBudget: 50);

        FillInTheMiddleContext context = builder.Build(text, cursor);

        Assert.EndsWith("before line number 199;\nint x = ", context.Prefix, StringComparison.Ordinal);
        Assert.StartsWith("before line number", context.Prefix, StringComparison.Ordinal);
        Assert.StartsWith("\nafter line number 000;\n", context.Suffix, StringComparison.Ordinal);
        Assert.EndsWith(";\n", context.Suffix, StringComparison.Ordinal);
        Assert.InRange(TokenCounter.Default.Count(context.Prefix), 1, 100);
        Assert.InRange(TokenCounter.Default.Count(context.Suffix), 1, 50);
        Assert.Equal(TokenCounter.Default.Count(context.Prefix), context.PrefixTokens);
    }

    [Fact]
    public void Small_documents_are_sent_whole()
    {
        FillInTheMiddleContextBuilder builder = new(TokenCounter.Default, 100, 100);

        FillInTheMiddleContext context = builder.Build("abc\r\ndef", 5);

        Assert.Equal("abc\r\n", context.Prefix);
        Assert.Equal("def", context.Suffix);
    }

    [Fact]
    public void A_single_overlong_line_keeps_the_characters_nearest_the_cursor()
    {
        string line = new string('a', 400) + "TAIL";
        FillInTheMiddleContextBuilder builder = new(TokenCounter.Default, 10, 10);

        FillInTheMiddleContext context = builder.Build(line + "HEAD" + new string('b', 400), line.Length);

        Assert.EndsWith("TAIL", context.Prefix, StringComparison.Ordinal);
        Assert.StartsWith("HEAD", context.Suffix, StringComparison.Ordinal);
        Assert.InRange(TokenCounter.Default.Count(context.Prefix), 1, 10);
        Assert.InRange(TokenCounter.Default.Count(context.Suffix), 1, 10);
    }

    [Theory]
    [InlineData("int F() {\n    |\n}", true)]
    [InlineData("int F() {|\n}", true)]
    [InlineData("def f(x):|", true)]
    [InlineData("|", true)]
    [InlineData("var total = |;", false)]
    [InlineData("var total = price|", false)]
    [InlineData("call(|)", false)]
    [InlineData("x = 1\n|", true)]
    [InlineData("x = 1\r\n  |  \r\n", true)]
    public void Multi_line_only_at_the_end_of_a_fresh_line_or_after_an_opener(string textWithCursor, bool multiLine)
    {
        int cursor = textWithCursor.IndexOf('|', StringComparison.Ordinal);
        string text = textWithCursor.Remove(cursor, 1);
        FillInTheMiddleContextBuilder builder = new(TokenCounter.Default, 100, 100);

        Assert.Equal(multiLine, builder.Build(text, cursor).MultiLine);
    }
}

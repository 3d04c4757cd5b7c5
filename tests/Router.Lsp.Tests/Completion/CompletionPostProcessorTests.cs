using Router.Lsp.Completion;

namespace Router.Lsp.Tests.Completion;

public sealed class CompletionPostProcessorTests
{
    [Theory]
    [InlineData("a, b)", ")", false, "a, b")]
    [InlineData("foo()", ")", false, "foo()")]
    [InlineData("foo());", ");", false, "foo()")]
    [InlineData("foo()", ");", false, "foo()")]
    [InlineData("compute();", ";", false, "compute()")]
    [InlineData("x + 1", "1)", false, "x + 1")]
    [InlineData("price * 2\nmore();", " + 1;", false, "price * 2")]
    [InlineData("   \n\t ", "", true, "")]
    [InlineData("   ", ")", false, "")]
    [InlineData(")", ")", false, "")]
    [InlineData("    return x;\n}", "\n}\n", true, "    return x;")]
    [InlineData("    int y = 1;\n    return y;\n\n", "\n}", true, "    int y = 1;\n    return y;")]
    [InlineData(" world\");", "\");", false, " world")]
    public void Completion_is_cleaned_for_the_editor(string raw, string suffix, bool multiLine, string expected)
    {
        FillInTheMiddleContext context = new("prefix", suffix, multiLine, 1, 1);

        Assert.Equal(expected, CompletionPostProcessor.Process(raw, context));
    }

    [Theory]
    [InlineData("    total += x;\n    count++;\n    if (co", "    total += x;\n    count++;\n")]
    [InlineData("    return tot", "")]
    [InlineData("x;\r\ny", "x;\r\n")]
    public void A_completion_cut_by_its_deadline_keeps_only_its_whole_lines(string cut, string kept)
    {
        Assert.Equal(kept, CompletionPostProcessor.KeepWholeLines(cut));
    }
}

using Router.Emulator.Generation;

namespace Router.Emulator.Tests;

public sealed class CodeContinuationTests
{
    [Fact]
    public void After_an_opening_brace_the_body_is_indented_one_level_and_the_block_closed()
    {
        var text = CodeContinuation.Continue("class Calc\n{\n    public int Twice(int value)\n    {", "\n\n    public int Other() => 1;\n}");

        var lines = text.Split('\n');
        Assert.Equal("", lines[0]);
        Assert.All(lines[1..^1], l => Assert.StartsWith("        ", l, StringComparison.Ordinal));
        Assert.Contains("value", text, StringComparison.Ordinal);
        Assert.Equal("    }", lines[^1]);
    }

    [Fact]
    public void Closing_brace_already_after_the_cursor_is_not_repeated()
    {
        var text = CodeContinuation.Continue("function area(width, height) {", "\n}\n");

        Assert.NotEqual("}", text.Split('\n')[^1]);
        Assert.Contains("width", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Python_block_uses_the_files_indent_unit_and_no_braces()
    {
        var text = CodeContinuation.Continue("class Shop:\n  def total(self, items):", "");

        Assert.StartsWith("\n    ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        Assert.DoesNotContain(";", text, StringComparison.Ordinal);
        Assert.Contains("items", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_call_is_completed_with_arguments_and_closed_once()
    {
        Assert.Equal("a, b);", CodeContinuation.Continue("int Add(int a, int b)\n{\n    return Math.Max(", "\n}"));
        Assert.Equal("a, b", CodeContinuation.Continue("int Add(int a, int b)\n{\n    return Math.Max(", ");\n}"));
    }

    [Fact]
    public void Assignment_is_completed_without_doubling_the_typed_space()
    {
        Assert.Equal("prices;", CodeContinuation.Continue("decimal Total(decimal[] prices)\n{\n    var sum = ", "\n}"));
        Assert.Equal(" prices;", CodeContinuation.Continue("decimal Total(decimal[] prices)\n{\n    var sum =", "\n}"));
    }

    [Fact]
    public void Tabs_in_the_file_are_kept()
    {
        var text = CodeContinuation.Continue("package main\n\nfunc run(cfg *Config) error {\n\tif cfg == nil {", "\n}\n");

        Assert.StartsWith("\n\t\t", text, StringComparison.Ordinal);
        Assert.DoesNotContain(";", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_input_gives_the_same_continuation()
    {
        const string prefix = "public string Name(string first, string last)\n{";
        Assert.Equal(CodeContinuation.Continue(prefix, "\n}"), CodeContinuation.Continue(prefix, "\n}"));
    }
}

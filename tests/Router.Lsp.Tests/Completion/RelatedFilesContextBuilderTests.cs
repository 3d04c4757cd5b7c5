using Router.Core.Tokens;
using Router.Lsp.Completion;
using Router.Lsp.Documents;

namespace Router.Lsp.Tests.Completion;

public sealed class RelatedFilesContextBuilderTests
{
    private static TextDocument Doc(string name, string language, string text) => new($"file:///w/{name}", language, 1, text);

    [Fact]
    public void Other_files_are_quoted_as_comments_of_the_language_with_their_path()
    {
        RelatedFilesContext context = new RelatedFilesContextBuilder(TokenCounter.Default, 256)
            .Build("python", [Doc("models.py", "python", "class User:\n    name: str\n")]);

        Assert.Equal("# Path: /w/models.py\n# class User:\n#     name: str\n# \n\n", context.Text);
        Assert.Equal(["file:///w/models.py"], context.DocumentUris);
        Assert.Equal(TokenCounter.Default.Count(context.Text.TrimEnd('\n') + "\n"), context.Tokens);
    }

    [Fact]
    public void The_budget_is_never_exceeded_and_the_most_recent_file_comes_first()
    {
        string big = string.Concat(Enumerable.Range(0, 400).Select(i => $"static int F{i}(int x) => x + {i};\n"));
        RelatedFilesContext context = new RelatedFilesContextBuilder(TokenCounter.Default, 300)
            .Build("csharp", [Doc("Recent.cs", "csharp", big), Doc("Older.cs", "csharp", "class Older { }")]);

        Assert.InRange(TokenCounter.Default.Count(context.Text), 1, 301);
        Assert.StartsWith("// Path: /w/Recent.cs\n// static int F0(int x) => x + 0;\n", context.Text, StringComparison.Ordinal);
        Assert.Equal(["file:///w/Recent.cs"], context.DocumentUris);
    }

    [Fact]
    public void A_zero_budget_quotes_nothing() =>
        Assert.Same(RelatedFilesContext.None, new RelatedFilesContextBuilder(TokenCounter.Default, 0).Build("csharp", [Doc("A.cs", "csharp", "class A { }")]));
}

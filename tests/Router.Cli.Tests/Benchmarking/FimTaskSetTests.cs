using Router.Cli.Benchmarking;

namespace Router.Cli.Tests.Benchmarking;

/// <summary>The bundled next-line infill tasks: enough of them, in five languages, each whole again from its parts.</summary>
public sealed class FimTaskSetTests
{
    [Fact]
    public void At_least_sixty_tasks_in_five_languages_with_twelve_or_more_each()
    {
        IReadOnlyList<FimTask> tasks = FimTaskSet.All;

        Assert.True(tasks.Count >= 60, $"{tasks.Count} tasks");
        Dictionary<string, int> perLanguage = tasks.GroupBy(t => t.Language).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(["csharp", "go", "python", "rust", "typescript"], perLanguage.Keys.Order());
        Assert.All(perLanguage, language => Assert.True(language.Value >= 12, $"{language.Key}: {language.Value}"));
        Assert.Equal(tasks.Count, tasks.Select(t => t.Id).Distinct().Count());
    }

    [Fact]
    public void Every_task_has_code_on_both_sides_and_a_line_to_write()
    {
        Assert.All(FimTaskSet.All, task =>
        {
            Assert.False(string.IsNullOrWhiteSpace(task.Expected), task.Id);
            Assert.DoesNotContain('\n', task.Expected);
            Assert.Contains('\n', task.Prefix);
            Assert.StartsWith("\n", task.Suffix, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_prefix_ends_in_the_lines_indentation_and_the_suffix_starts_after_it()
    {
        const string text = """
            === one
            def add(a, b):
            >>>    return a + b


            print(add(1, 2))
            """;

        FimTask task = Assert.Single(FimTaskSet.Parse(text, "python"));

        Assert.Equal("def add(a, b):\n    ", task.Prefix);
        Assert.Equal("return a + b", task.Expected);
        Assert.Equal("\n\n\nprint(add(1, 2))\n", task.Suffix);
    }

    [Fact]
    public void A_task_without_its_marked_line_is_named()
    {
        InvalidDataException error = Assert.Throws<InvalidDataException>(() => FimTaskSet.Parse("=== lost\nx = 1\n", "python"));

        Assert.Contains("python/lost", error.Message, StringComparison.Ordinal);
    }
}

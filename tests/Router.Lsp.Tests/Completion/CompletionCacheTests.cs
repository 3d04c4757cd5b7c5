using Router.Lsp.Completion;

namespace Router.Lsp.Tests.Completion;

public sealed class CompletionCacheTests
{
    private const string Uri = "file:///w/a.py";
    private const string Before = "def add(a, b):\n    return ";
    private const string After = "\n\nprint(add(1, 2))\n";

    private static CompletionCache CacheWith(string completion)
    {
        CompletionCache cache = new();
        cache.Store(Uri, Before + After, Before.Length, completion);
        return cache;
    }

    [Fact]
    public void The_same_place_gets_the_same_completion_without_asking_again() =>
        Assert.Equal("a + b", CacheWith("a + b").Find(Uri, Before + After, Before.Length));

    [Theory]
    [InlineData("a", " + b")]
    [InlineData("a +", " b")]
    [InlineData("a + ", "b")]
    public void Typing_ahead_into_the_suggestion_leaves_the_rest_of_it(string typed, string rest)
    {
        CompletionCache cache = CacheWith("a + b");

        Assert.Equal(rest, cache.Find(Uri, Before + typed + After, Before.Length + typed.Length));
    }

    [Fact]
    public void Typing_something_else_asks_the_model_again() =>
        Assert.Null(CacheWith("a + b").Find(Uri, Before + "b" + After, Before.Length + 1));

    [Fact]
    public void Typing_the_whole_suggestion_leaves_nothing_to_serve() =>
        Assert.Null(CacheWith("a + b").Find(Uri, Before + "a + b" + After, Before.Length + 5));

    [Fact]
    public void An_edit_before_the_cursor_invalidates_the_completion()
    {
        string edited = Before.Replace("add", "sub", StringComparison.Ordinal);

        Assert.Null(CacheWith("a + b").Find(Uri, edited + After, edited.Length));
    }

    [Fact]
    public void An_edit_after_the_cursor_invalidates_the_completion() =>
        Assert.Null(CacheWith("a + b").Find(Uri, Before + "\n\nprint(add(2, 2))\n", Before.Length));

    [Fact]
    public void Another_document_with_the_same_text_is_not_served() =>
        Assert.Null(CacheWith("a + b").Find("file:///w/b.py", Before + After, Before.Length));

    [Fact]
    public void Empty_completions_are_not_cached()
    {
        CompletionCache cache = new();
        cache.Store(Uri, Before + After, Before.Length, "");

        Assert.Null(cache.Find(Uri, Before + After, Before.Length));
    }

    [Fact]
    public void The_oldest_entries_are_dropped_past_capacity()
    {
        CompletionCache cache = new(capacity: 2);
        cache.Store(Uri, "x = ", 4, "1");
        cache.Store(Uri, "y = ", 4, "2");
        cache.Store(Uri, "z = ", 4, "3");

        Assert.Null(cache.Find(Uri, "x = ", 4));
        Assert.Equal("3", cache.Find(Uri, "z = ", 4));
    }

    [Fact]
    public void A_closed_document_is_forgotten()
    {
        CompletionCache cache = CacheWith("a + b");

        cache.Forget(Uri);

        Assert.Null(cache.Find(Uri, Before + After, Before.Length));
    }

    [Fact]
    public void A_cursor_at_the_very_start_or_end_of_a_document_works()
    {
        CompletionCache cache = new();
        cache.Store(Uri, "", 0, "import os");
        cache.Store(Uri, "x", 1, " = 1");

        Assert.Equal("import os", cache.Find(Uri, "", 0));
        Assert.Equal("os", cache.Find(Uri, "import ", 7));
        Assert.Equal("1", cache.Find(Uri, "x = ", 4));
    }
}

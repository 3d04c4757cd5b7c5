using Router.Core.Signals;

namespace Router.Core.Tests.Signals;

public sealed class ContentSignalDetectorTests
{
    private static ContentAnalysis Analyze(string text, params string[] files) =>
        ContentSignalDetector.Analyze(text, null, files, textTokens: text.Length / 4);

    [Theory]
    [InlineData("```js\nconst x = 1;\n```", "code block")]
    [InlineData("panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:\nmain.main()", "stack trace")]
    [InlineData("   at Shop.Cart.Total() in /src/Cart.cs:line 42", "stack trace")]
    [InlineData("thread 'main' panicked at src/main.rs:4:5", "stack trace")]
    [InlineData("UnboundLocalError: local variable 'n' referenced before assignment", "error message")]
    [InlineData("npm ERR! code ERESOLVE", "error message")]
    [InlineData("why is `useMemo` not caching?", "inline code")]
    [InlineData("the retryCount and max_backoff settings", "identifiers")]
    [InlineData("Implement a trie with insert and prefix search", "asks for code")]
    [InlineData("regex to match a UK postcode?", "asks for code")]
    [InlineData("fix this please", "asks to fix or change code")]
    public void Code_traits_are_found(string text, string signal)
    {
        ContentAnalysis analysis = Analyze(text);

        Assert.Contains(analysis.Signals, s => s.Name == signal && s.Class == SignalClass.Code);
    }

    [Theory]
    [InlineData("Then items.Select(i => i.Name) gives names", true)]
    [InlineData("Then Foo::Bar gives the value", true)]
    [InlineData("Then count := count + 1 once more", true)]
    [InlineData("Then a == b holds", true)]
    [InlineData("Then a != b holds", true)]
    [InlineData("Then a && b holds", true)]
    [InlineData("Then a || b holds", true)]
    [InlineData("Really! Note: pick one & go | stop.", false)]
    public void A_line_with_a_code_operator_is_a_code_line(string text, bool code)
    {
        ContentAnalysis analysis = Analyze(text);

        Assert.Equal(code, analysis.Signals.Any(s => s.Name is "code line" or "code snippet"));
    }

    [Theory]
    [InlineData("```js\nconst x = 1;\n```", true)]
    [InlineData("Why?\n    ```python\nprint(1)\n    ```", true)]
    [InlineData("Why?\n\t \n~~~\nplain\n~~~", true)]
    [InlineData("Why?\r\n```\r\nx\r\n```", true)]
    [InlineData("Use ``` to open a block, not quotes.", false)]
    [InlineData("a line with ~~~ in the middle", false)]
    public void Code_fences_count_only_at_the_start_of_a_line(string text, bool fenced)
    {
        ContentAnalysis analysis = Analyze(text);

        Assert.Equal(fenced, analysis.Signals.Any(s => s.Name == "code block"));
    }

    [Theory]
    [InlineData("Show that n^2 + n is always even.", "proof")]
    [InlineData("If you draw 2 cards from a deck of cards, what are the odds of a pair?", "probability")]
    [InlineData("A job takes 40 minutes on 3 machines; how long on 5 machines?", "quantitative problem")]
    [InlineData("Is this O(n log n) or O(n^2)? What is the time complexity here?", "algorithmic analysis")]
    [InlineData("A knight always tells the truth and a knave always lies.", "logic puzzle")]
    public void Reasoning_traits_are_found(string text, string signal)
    {
        ContentAnalysis analysis = Analyze(text);

        Assert.Contains(analysis.Signals, s => s.Name == signal && s.Class == SignalClass.Reasoning);
        Assert.Equal(SignalClass.Reasoning, analysis.Winner);
    }

    [Theory]
    [InlineData("Design a rate limiter service shared by all our APIs.")]
    [InlineData("How should we split the billing domain between teams?")]
    [InlineData("Which services in the monorepo depend on the legacy auth client?")]
    public void Wide_scope_traits_are_found(string text)
    {
        Assert.Equal(SignalClass.Wide, Analyze(text).Winner);
    }

    [Fact]
    public void Long_document_is_wide_scope_even_with_a_few_identifiers()
    {
        string document = string.Concat(Enumerable.Repeat("- Field names use snake_case and the page_size limit applies to every list.\n", 250));

        ContentAnalysis analysis = ContentSignalDetector.Analyze("Find contradictions in these rules:\n\n" + document, null, [], textTokens: 4000);

        Assert.Equal(SignalClass.Wide, analysis.Winner);
    }

    [Theory]
    [InlineData("What does 'yak shaving' mean?")]
    [InlineData("Which is older, Python or Java?")]
    [InlineData("How do one-time codes in authenticator apps work?")]
    [InlineData("Write a short thank-you note to the team for the launch.")]
    [InlineData("and the other one?")]
    [InlineData("Translate into German: \"The meeting moved to 3 pm on Thursday.\"")]
    public void Ordinary_prompts_fire_no_deciding_signal(string text)
    {
        Assert.Null(Analyze(text).Winner);
    }

    [Fact]
    public void Image_file_in_scope_decides_vision()
    {
        Assert.Equal(SignalClass.Image, Analyze("what's wrong with the alignment here?", "ui/settings.PNG").Winner);
    }

    [Fact]
    public void Image_named_in_code_about_files_is_not_an_image_request()
    {
        Assert.Equal(SignalClass.Code, Analyze("Write a Python script that converts every .png in a folder to .webp").Winner);
    }

    [Fact]
    public void Ties_go_to_the_policy_order()
    {
        ContentAnalysis analysis = new([
            new ContentSignal("a", SignalClass.Wide, 2.0),
            new ContentSignal("b", SignalClass.Code, 2.0),
            new ContentSignal("c", SignalClass.Reasoning, 2.0),
        ]);

        Assert.Equal(SignalClass.Reasoning, analysis.Winner);
    }

    [Theory]
    [InlineData("Move this to a hexagonal design with ports and adapters.\n\nclass Service:\n    pass", true)]
    [InlineData("Restructure this into a ports-and-adapters layout.\n\nclass Service:\n    pass", true)]
    [InlineData("Apply this change across all the modules.\n\nx = 1", true)]
    [InlineData("Use early returns.\n\n# layered architecture note in a comment\ndef f():\n    pass", false)]
    [InlineData("def f():\n    # the microservices call this\n    pass", false)]
    public void Architecture_wording_is_read_from_the_instruction_not_the_code(string text, bool expected)
    {
        Assert.Equal(expected, ContentSignalDetector.FindArchitectureChange(text) is not null);
    }
}

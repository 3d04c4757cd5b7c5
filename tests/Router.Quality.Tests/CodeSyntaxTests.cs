using static Router.Quality.Tests.Answers;

namespace Router.Quality.Tests;

public sealed class CodeSyntaxTests
{
    private const string Selection = "public int Sum(int[] values)\n{\n    int total = 0;\n    foreach (int v in values) total += v;\n    return total;\n}";

    public static TheoryData<string, string> SoundCSharp => new()
    {
        { "a method alone", "public int Add(int a, int b)\n{\n    return a + b;\n}" },
        { "an expression-bodied method", "private static bool IsEven(int n) => n % 2 == 0;" },
        { "a class", "public sealed class Cart\n{\n    private readonly List<int> _items = [];\n\n    public int Count => _items.Count;\n\n    public void Add(int item) => _items.Add(item);\n}" },
        { "a file with a file-scoped namespace", "using System.Text;\n\nnamespace Shop;\n\npublic sealed record Order(string Id, decimal Total);\n\ninternal static class Orders\n{\n    public static string Describe(Order o) => $\"{o.Id}: {o.Total:0.00}\";\n}" },
        { "top-level statements", "using System;\n\nvar name = args.Length > 0 ? args[0] : \"world\";\nConsole.WriteLine($\"Hello, {name}!\");" },
        { "lambda-heavy statements", "var totals = orders\n    .Where(o => o.Paid && o.Lines.Any(l => l.Quantity > 0))\n    .GroupBy(o => o.Customer)\n    .Select(g => new { g.Key, Sum = g.Sum(o => o.Lines.Sum(l => l.Price * l.Quantity)) })\n    .OrderByDescending(x => x.Sum)\n    .ToList();\nFunc<int, Func<int, int>> add = a => b => a + b;" },
        { "statements with await and return", "string text = await File.ReadAllTextAsync(path, cancellationToken);\nif (text.Length == 0)\n{\n    return null;\n}\nreturn text.Trim();" },
        { "an auto-property alone", "public string Name { get; init; } = \"\";" },
        { "a constructor alone", "public Cart(IClock clock)\n{\n    _clock = clock ?? throw new ArgumentNullException(nameof(clock));\n}" },
        { "an expression without its semicolon", "items.Where(x => x > 0).Select(x => x * 2)" },
        { "a body elided with ...", "public void Save(Order order)\n{\n    ...\n}" },
        { "a switch expression and patterns", "string Describe(object o) => o switch\n{\n    int n when n < 0 => \"negative\",\n    int => \"number\",\n    string { Length: 0 } => \"empty\",\n    _ => \"other\",\n};" },
        { "a raw string literal", "var json = \"\"\"\n    { \"name\": \"x\", \"open\": \"(\" }\n    \"\"\";" },
    };

    [Theory]
    [MemberData(nameof(SoundCSharp))]
    public void Sound_CSharp_in_a_refactor_is_sound(string because, string code)
    {
        Assert.False(AnswerQuality.Judge(Refactor(Selection, code)).IsWeak, $"{because} (bare): {AnswerQuality.Judge(Refactor(Selection, code)).Reason}");
        AnswerVerdict fenced = AnswerQuality.Judge(Refactor(Selection, Fenced("csharp", code)));
        Assert.False(fenced.IsWeak, $"{because} (fenced): {fenced.Reason}");
    }

    public static TheoryData<string, string, string> BrokenCSharp => new()
    {
        { "a missing semicolon", "Console.WriteLine(1);\nConsole.WriteLine(2)\nConsole.WriteLine(3);", "C# does not parse: CS1002 ; expected at line 2" },
        { "an unbalanced brace", "public void Run()\n{\n    if (ready)\n    {\n        Go();\n}", "C# does not parse: CS1513 } expected at line 6" },
        { "an unclosed call", "var total = values.Sum(v => v.Price;\nreturn total;", "C# does not parse: CS1026 ) expected at line 1" },
    };

    [Theory]
    [MemberData(nameof(BrokenCSharp))]
    public void CSharp_that_does_not_parse_is_weak_and_says_where(string because, string code, string reason)
    {
        AnswerVerdict verdict = AnswerQuality.Judge(Refactor(Selection, code));

        Assert.True(verdict.IsWeak, because);
        Assert.Equal(reason, verdict.Reason);
    }

    [Fact]
    public void Line_of_a_parse_error_in_a_fenced_block_is_counted_in_the_answer()
    {
        string answer = "Here is the refactored version:\n\n```csharp\nvar a = Load();\nSave(a)\nreturn a;\n```";

        AnswerVerdict verdict = AnswerQuality.Judge(Refactor(Selection, answer));

        Assert.Equal("C# does not parse: CS1002 ; expected at line 5", verdict.Reason);
    }

    [Fact]
    public void Sentences_around_bare_code_are_not_parsed_as_code()
    {
        string answer = "Here's the refactored method\n\npublic int Sum(int[] values) => values.Sum();\n\nThis version lets LINQ do the loop\nand reads (I think) more clearly.";

        AnswerVerdict verdict = AnswerQuality.Judge(Refactor("int Sum(int[] v)\n{\n    return v.Sum();\n}", answer));

        Assert.False(verdict.IsWeak, verdict.Reason);
    }

    [Fact]
    public void Broken_bare_code_between_sentences_is_still_weak()
    {
        string answer = "Here's the refactored method\n\npublic int Sum(int[] values) => values.Sum(;\n\nThis version lets LINQ do the loop.";

        AnswerVerdict verdict = AnswerQuality.Judge(Refactor("int Sum(int[] v)\n{\n    return v.Sum();\n}", answer));

        Assert.Equal("C# does not parse: CS1026 ) expected at line 3", verdict.Reason);
    }

    [Fact]
    public void Broken_CSharp_in_an_explanation_is_weak()
    {
        string answer = "The loop sums the values. A shorter way to write it:\n\n```csharp\nint total = values.Sum(;\n```\n\nThat avoids the manual loop.";

        AnswerVerdict verdict = AnswerQuality.Judge(Explain(Selection, answer));

        Assert.True(verdict.IsWeak);
        Assert.StartsWith("C# does not parse: ", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Untagged_block_in_chat_is_checked_as_the_documents_language()
    {
        string answer = "Try this:\n\n```\nif (ready {\n    Go();\n}\n```";

        Assert.True(AnswerQuality.Judge(Chat("How do I start it?", answer, language: "csharp")).IsWeak);
        Assert.False(AnswerQuality.Judge(Chat("How do I start it?", answer, language: null)).IsWeak);
    }

    [Fact]
    public void Fragment_quoted_from_the_selection_is_not_the_answers_fault()
    {
        string answer = "The key line is\n\n```csharp\nforeach (int v in values) total += v;\n```\n\nwhich adds every value to the running total, one at a time, in order.";

        Assert.False(AnswerQuality.Judge(Explain(Selection, answer)).IsWeak);
    }

    [Fact]
    public void Broken_code_of_another_language_in_an_explanation_is_not_judged()
    {
        string answer = "In Python it would look like\n\n```python\nprint((1 + 2)\n```\n\nthough the C# version above is what runs.";

        Assert.False(AnswerQuality.Judge(Explain(Selection, answer)).IsWeak);
    }

    [Fact]
    public void Refactor_of_a_fragment_whose_own_braces_do_not_pair_is_not_weak()
    {
        string selection = "    if (order.Paid)\n    {\n        Ship(order);\n";
        string answer = "    if (order is { Paid: true })\n    {\n        Ship(order);\n";

        Assert.False(AnswerQuality.Judge(Refactor(selection, answer)).IsWeak);
    }

    public static TheoryData<string, string, string> SoundOtherLanguages => new()
    {
        { "python", "a '#' comment holding a bracket", "def area(r):\n    # (radius in metres\n    return math.pi * r ** 2" },
        { "python", "a docstring with an apostrophe and a bracket", "def load(path):\n    \"\"\"Don't call this twice (it caches.\n    Returns the settings.\"\"\"\n    return _cache.get(path)" },
        { "python", "an f-string with nested quotes", "print(f\"{user['name']} has {len(items)} items\")" },
        { "javascript", "strings and a multi-line template holding brackets", "const open = '(';\nconst msg = `line one {\nline two ${name}`;\nfunction f() { return [open, msg]; }" },
        { "typescript", "a '//' comment holding a brace", "export function f(x: number): number {\n  // } not a brace\n  return x * 2;\n}" },
        { "rust", "lifetimes", "fn first<'a>(s: &'a str) -> &'a str {\n    &s[..1]\n}" },
        { "c", "character literals of brackets", "int is_open(char c) {\n    return c == '{' || c == '(' || c == '\\'';\n}" },
        { "go", "a raw string holding a brace", "func usage() string {\n\treturn `usage: tool {\n  flags`\n}" },
        { "shell", "case patterns and $#", "case \"$1\" in\n  start) run ;;\n  stop) halt ;;\nesac\necho \"$# args\"" },
        { "sql", "a '--' comment holding a bracket", "SELECT id, name -- (legacy column\nFROM users\nWHERE name = 'O''Brien';" },
        { "java", "a text block holding a bracket", "String s = \"\"\"\n    open ( here\n    \"\"\";" },
        { "yaml", "a language with no bracket check", "key: [unbalanced" },
    };

    [Theory]
    [MemberData(nameof(SoundOtherLanguages))]
    public void Balanced_code_of_other_languages_is_sound(string language, string because, string code)
    {
        AnswerVerdict verdict = AnswerQuality.Judge(Refactor("x = 1", Fenced(language, code)));

        Assert.False(verdict.IsWeak, $"{language}, {because}: {verdict.Reason}");
    }

    public static TheoryData<string, string, string> UnbalancedOtherLanguages => new()
    {
        { "python", "print((1 + 2)\nx = 3", "python code does not balance: '(' opened at line 1 is never closed" },
        { "javascript", "function f() {\n  return [1, 2;\n}", "javascript code does not balance: '}' at line 3 closes the '[' opened at line 2" },
        { "javascript", "const s = 'abc;\nconst t = 1;", "javascript code does not balance: the quote ' at line 1 is never closed" },
        { "c", "/* never closed\nint x;", "c code does not balance: comment opened with '/*' at line 1 is never closed" },
        { "python", "def f():\n    \"\"\"Docstring never closed\n    return 1", "python code does not balance: the quote \"\"\" at line 2 is never closed" },
        { "go", "func f() {\n}\n}", "go code does not balance: '}' at line 3 has no matching '{'" },
    };

    [Theory]
    [MemberData(nameof(UnbalancedOtherLanguages))]
    public void Unbalanced_code_of_other_languages_is_weak_and_says_where(string language, string code, string reason)
    {
        AnswerVerdict verdict = AnswerQuality.Judge(Refactor("x = 1", code, language));

        Assert.True(verdict.IsWeak, code);
        Assert.Equal(reason, verdict.Reason);
    }

    [Fact]
    public void Fence_tag_decides_the_language_over_the_documents()
    {
        string answer = Fenced("python", "def f(x):\n    return (x");

        AnswerVerdict verdict = AnswerQuality.Judge(Refactor("x = 1", answer, language: "csharp"));

        Assert.StartsWith("python code does not balance: ", verdict.Reason, StringComparison.Ordinal);
    }
}

using System.Text;
using System.Text.RegularExpressions;
using Router.Core.Signals;

namespace Router.Core.Tests.Signals;

public sealed class IdentifierCounterTests
{
    // Every identifier shape, near misses, and characters that are word characters only outside ASCII.
    private static readonly string[] Tokens =
    [
        "fooBar", "getUserName", "x1Y", "HTTPClient", "snake_case", "_private", "__init__", "trailing_", "obj.method(",
        "self.items", "a.b.c", "os.path.join", "example.com", "notes.txt", "List<String>", "Map<Key, Value>", "Task<int>",
        "std::vector", "print(x)", "call()", "f(a, (b))", "naïveCase", "é_var", "Été_x", "\u212Aelvin_x", "x\u200Dy_z", "ab\u0301cD",
        "the", "a", "function", "returns", "value", "and", "Is", "OK", "v2", "3rd", "camel", "Case",
    ];

    private static readonly string[] Separators =
    [
        " ", " ", " ", "\n", ".", ". ", "(", ")", "<", ">", ", ", ":", "::", "_", "-", "“", "é", "\u200D", "\t", "..", "", "", "1",
    ];

    [Fact]
    public void Prose_without_code_names_no_identifier() =>
        Assert.Equal(0, IdentifierCounter.Count("Please review the plan. It covers cost, risk and timing (roughly) for the team."));

    [Fact]
    public void Counts_each_shape_and_stops_at_the_most_it_tells_apart()
    {
        Assert.Equal(1, IdentifierCounter.Count("Why does getUserName return null?"));
        Assert.Equal(2, IdentifierCounter.Count("Why does getUserName call load_profile twice?"));
        Assert.Equal(3, IdentifierCounter.Count("getUserName, load_profile, std::vector and List<String>"));
    }

    [Fact]
    public void The_same_identifier_in_another_case_counts_once() =>
        Assert.Equal(1, IdentifierCounter.Count("load_profile then LOAD_PROFILE then load_profile again"));

    [Fact]
    public void Counts_as_enumerating_the_plain_pattern_from_the_start()
    {
        // Compiled, like the source-generated anchored regex the counter uses.
        var plain = new Regex(IdentifierCounter.Pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);
        var random = new Random(20261122);
        int[] byCount = new int[IdentifierCounter.MaxCounted + 1];
        for (int sample = 0; sample < 20000; sample++)
        {
            string text = Salad(random);
            int expected = PlainCount(plain, text);
            byCount[expected]++;
            Assert.True(expected == IdentifierCounter.Count(text), $"Count differs from the plain pattern ({expected}) on: {text}");
        }

        // Every answer must be exercised, or the comparison proves little.
        Assert.All(byCount, occurrences => Assert.True(occurrences > 500, $"Answers 0..3 occurred {string.Join(", ", byCount)} times."));
    }

    private static int PlainCount(Regex plain, string text)
    {
        HashSet<string> seen = new(StringComparer.OrdinalIgnoreCase);
        for (Match match = plain.Match(text); match.Success && seen.Count < IdentifierCounter.MaxCounted; match = match.NextMatch())
        {
            seen.Add(match.Value);
        }

        return seen.Count;
    }

    private static string Salad(Random random)
    {
        var text = new StringBuilder();
        int length = random.Next(1, 12);
        for (int i = 0; i < length; i++)
        {
            text.Append(Tokens[random.Next(Tokens.Length)]);
            text.Append(Separators[random.Next(Separators.Length)]);
        }

        return text.ToString();
    }
}

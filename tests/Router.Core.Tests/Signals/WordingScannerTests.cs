using System.Text;
using System.Text.RegularExpressions;
using Router.Core.Signals;

namespace Router.Core.Tests.Signals;

public sealed class WordingScannerTests
{
    // Separators and the characters that only the regex engine reads as ASCII letters or digits.
    private static readonly string[] Separators = [" ", " ", " ", "  ", "\n", "-", "'", ".", "?", ", ", "(", "“", "\"", ": ", "_"];
    private static readonly string[] Oddities = ["\u212A", "\u017F", "\u0130", "\u0131", "\u0663\u0664", "42", "7", "100", "é"];

    private static WordingScanner Scanner => ContentSignalDetector.Wording;

    public static TheoryData<int> PatternIndexes()
    {
        TheoryData<int> data = [];
        for (int i = 0; i < Scanner.Patterns.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PatternIndexes))]
    public void Anchored_regex_is_the_plain_pattern_behind_G(int index)
    {
        WordingPattern regex = Scanner.Patterns[index];

        Assert.Equal(@"\G(?:" + regex.Pattern + ")", regex.Anchored.ToString());
    }

    [Theory]
    [MemberData(nameof(PatternIndexes))]
    public void Answers_as_the_plain_pattern_on_text_built_from_its_own_words(int index)
    {
        WordingPattern regex = Scanner.Patterns[index];
        // Compiled, like the source-generated anchored regex: on some lazy loops the interpreter and the compiled engines
        // disagree (a .NET difference: "propose out the an our model plan" matches DesignQuestion only when compiled).
        var plain = new Regex(regex.Pattern, regex.Anchored.Options | RegexOptions.Compiled);
        // The pattern's words, read with its escapes (\b, \s, \w) taken out, or "\bwhich" would give "bwhich".
        string[] words = Regex.Matches(Regex.Replace(regex.Pattern, @"\\[A-Za-z]", " "), "[A-Za-z']{2,}|[A-Za-z](?=\\s)").Select(m => m.Value).ToArray();
        var random = new Random(index * 7919 + 17);
        int matched = 0;
        for (int sample = 0; sample < 4000; sample++)
        {
            string text = Salad(random, words);
            bool expected = plain.IsMatch(text);
            matched += expected ? 1 : 0;
            WordingScan scan = Scanner.Read(text);
            Assert.True(expected == scan.IsMatch(regex), $"IsMatch differs from /{regex.Pattern}/ on: {text}");
            Assert.True(
                PlainCountDistinct(plain, text) == scan.CountDistinct(regex, enough: 3),
                $"CountDistinct differs from /{regex.Pattern}/ on: {text}");
        }

        // The salads must exercise both answers, or the comparison proves nothing.
        Assert.InRange(matched, 10, 3990);
    }

    [Fact]
    public void Technology_names_are_found_as_whole_words_with_their_hash_or_plus()
    {
        var random = new Random(4242);
        string[] words = [.. ContentSignalDetector.TechnologyWords, "pythonic", "my", "java_home", "c", "go", "fix"];
        string[] glue = [" ", " ", "_", "#", "+", "++", ".", "-", "\n", "", "(", "é"];
        int found = 0;
        for (int sample = 0; sample < 4000; sample++)
        {
            var text = new StringBuilder();
            for (int i = random.Next(1, 6); i > 0; i--)
            {
                string word = words[random.Next(words.Length)];
                text.Append(random.Next(3) == 0 ? word.ToUpperInvariant() : word).Append(glue[random.Next(glue.Length)]);
            }

            string salad = text.ToString();
            bool expected = NamesTechnology(salad);
            found += expected ? 1 : 0;
            Assert.True(expected == Scanner.Read(salad).HasWholeWord, $"differs on: {salad}");
        }

        Assert.InRange(found, 200, 3800);
    }

    [Theory]
    [InlineData("How do I do this in C#?", true)]
    [InlineData("a c++ template", true)]
    [InlineData("pythonic code", false)]
    [InlineData("set JAVA_HOME first", false)]
    public void Technology_names_read_as_a_user_writes_them(string text, bool named)
    {
        Assert.Equal(named, Scanner.Read(text).HasWholeWord);
    }

    // The specification: a run of ASCII letters, digits and '_' (starting at a letter or digit) that is a technology name
    // ignoring case, or is one with the run of '#' and '+' after it.
    private static bool NamesTechnology(string text)
    {
        HashSet<string> names = new(ContentSignalDetector.TechnologyWords, StringComparer.OrdinalIgnoreCase);
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            int end = i;
            while (end < text.Length && (text[end] == '#' || text[end] == '+'))
            {
                end++;
            }

            if (names.Contains(text[start..i]) || (end > i && names.Contains(text[start..end])))
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public void Kelvin_sign_reads_as_k_as_the_regex_engine_reads_it()
    {
        WordingPattern puzzle = Scanner.Patterns.Single(r => r.Pattern.Contains("knaves", StringComparison.Ordinal));

        Assert.True(Scanner.Read("\u212Anights and knaves").IsMatch(puzzle));
    }

    [Fact]
    public void Digits_outside_ASCII_start_a_match_as_the_regex_engine_reads_them()
    {
        WordingPattern spans = Scanner.Patterns.Single(r => r.Pattern.Contains("dozens", StringComparison.Ordinal));

        Assert.True(Scanner.Read("a change to \u0664\u0662 services").IsMatch(spans));
        Assert.False(Scanner.Read("a change to \u0664 services").IsMatch(spans));
    }

    private static int PlainCountDistinct(Regex plain, string text)
    {
        HashSet<string> seen = new(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in plain.Matches(text))
        {
            seen.Add(match.Value);
            if (seen.Count >= 3)
            {
                break;
            }
        }

        return seen.Count;
    }

    // Words of the pattern in its order, which often follow one of its branches: consecutive ones, or with gaps, so that a
    // branch reaches past an alternation of many words ("which files … change"); sometimes glued ("brainteaser").
    private static string Run(Random random, string[] words)
    {
        int start = random.Next(words.Length);
        int count = random.Next(2, 6);
        List<string> run = [];
        for (int at = start; at < words.Length && run.Count < count; at += random.Next(2) == 0 ? 1 : random.Next(1, 16))
        {
            run.Add(words[at]);
        }

        string joiner = random.Next(5) switch { 0 => "", 1 => "-", _ => " " };
        return string.Join(joiner, run);
    }

    private static string Salad(Random random, string[] words)
    {
        var text = new StringBuilder();
        int length = random.Next(2, 14);
        for (int i = 0; i < length; i++)
        {
            int roll = random.Next(20);
            string token = roll switch
            {
                0 => Oddities[random.Next(Oddities.Length)],
                1 => random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                < 8 => Run(random, words),
                _ => words[random.Next(words.Length)],
            };
            text.Append(random.Next(6) switch
            {
                0 => token.ToUpperInvariant(),
                1 => token.Length > 1 ? char.ToUpperInvariant(token[0]) + token[1..] : token,
                _ => token,
            });
            text.Append(Separators[random.Next(Separators.Length)]);
        }

        return text.ToString();
    }
}

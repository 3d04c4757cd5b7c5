using System.Text;
using System.Text.RegularExpressions;
using Router.Core.Signals;

namespace Router.Core.Tests.Signals;

public sealed class CodeLineTests
{
    private static readonly string[] Indents = ["", "", "  ", "    ", "\t", "\u00A0", "\u2003 "];

    // Beginnings of every branch of the start pattern, their near misses, and ordinary prose.
    private static readonly string[] Firsts =
    [
        "def", "class", "return", "import", "from", "select", "If", "if", "for", "while", "catch", "#include", "#!/bin/sh", "#[derive",
        "@Override", "@app.route(", "SELECT", "INSERT INTO", "UPDATE", "WITH", "LEFT JOIN", "ORDER BY", "Select", "I", "It", "The",
        "Please", "Total", "OK", "HTTP", "x", "_private", "$", "$ npm", "\"key\"", "- name", "-", "<div", "</p>", "}", ")", "]", "});",
        "1.", "42", "*", "> quote", "(aside)", "'single'", "“curly", "é", "Ünïcode", "\u212Aelvin",
    ];

    private static readonly string[] Rests =
    [
        " the", " a", " is", " value", " = 5", " += 1", "(x)", "()", ".method(", ": 1", ":", " ::", " >", " {", ";", " [0]", " (aside)",
        " SET", " FROM", " AS", " BY", "\t", " ", "", ",", " “quoted”", " <b>", "/>", " $", "?",
    ];

    [Theory]
    [InlineData("def parse(text):")]
    [InlineData("    return total")]
    [InlineData("SELECT id, name FROM users")]
    [InlineData("Total = price * quantity")]
    [InlineData("Console.WriteLine(total)")]
    [InlineData("- name: build")]
    [InlineData("}")]
    public void Reads_code_as_code(string line) => Assert.True(CodeLine.IsCode(line));

    [Theory]
    [InlineData("Please review the plan before Friday.")]
    [InlineData("The jobs run between midnight and four (roughly).")]
    [InlineData("1. Move the reports to a weekly schedule")]
    [InlineData("It would also help to mention what happens if a job fails.")]
    public void Reads_prose_as_prose(string line) => Assert.False(CodeLine.IsCode(line));

    [Fact]
    public void Skips_the_start_pattern_only_where_it_cannot_match()
    {
        var plain = new Regex(CodeLine.StartPattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);
        var random = new Random(20261123);
        int matched = 0;
        int skipped = 0;
        for (int sample = 0; sample < 20000; sample++)
        {
            string line = Line(random);
            bool matches = plain.IsMatch(line);
            bool mayStart = CodeLine.MayStart(line);
            matched += matches ? 1 : 0;
            skipped += mayStart ? 0 : 1;
            Assert.True(mayStart || !matches, $"The start pattern matches a line that MayStart skips: \"{line}\"");
        }

        // Both must happen often, or the check proves nothing: lines that match, and lines that are skipped.
        Assert.True(matched > 2000 && skipped > 2000, $"{matched} of 20000 lines matched and {skipped} were skipped.");
    }

    private static string Line(Random random)
    {
        var line = new StringBuilder(Indents[random.Next(Indents.Length)]).Append(Firsts[random.Next(Firsts.Length)]);
        for (int i = random.Next(0, 5); i > 0; i--)
        {
            line.Append(Rests[random.Next(Rests.Length)]);
        }

        return line.ToString();
    }
}

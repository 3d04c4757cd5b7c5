using System.Globalization;
using System.Text;

namespace Router.Core.Tests.Configuration;

/// <summary>Mangles a router.yaml the ways a careless edit, a broken disk or a hostile file would, reproducibly from a seed.</summary>
internal sealed class ConfigMutator(int seed)
{
    private static readonly string[] HostileNumbers =
    [
        "2147483647", "2147483648", "-2147483648", "9223372036854775807", "-9223372036854775809", "99999999999999999999999999",
        "1e308", "-1e308", "1e-320", "-1", "-0", "0", "NaN", ".inf", "-.inf", "Infinity", "0x7FFFFFFF", "1_000_000_000", "12.5", "1e3",
    ];

    private static readonly string[] WrongValues =
    [
        "[a, b]", "{a: b}", "", "~", "null", "\"\"", "[]", "{}", "- x", "|\n  text", ">\n  folded", "!!binary aGk=", "'quoted'", "? complex",
    ];

    private static readonly string[] JunkCharacters =
    [
        "\0", "\u0001", "\u0007", "\u001B", "\u007F", "\u0085", "\u0090", "\u00A0", "\u200B", "\u200F", "\u202E", "\u2028", "\u2029",
        "\uFEFF", "\uFFFD", "\uFFFE", "\uFFFF", "\uD800", "\uDC00", "\uDBFF\uDFFF", "😀", "e\u0301\u0301\u0301", "中文", "ℌ", "\r", "\t",
    ];

    private static readonly string[] Punctuation =
        ["[", "]", "{", "}", ":", ",", "\"", "'", "#", "|", ">", "!", "%", "@", "`", "*", "&", "?", "-", "---", "...", "\\"];

    private readonly Random _random = new(seed);

    /// <summary>One mangled file: 1 to 3 mutations of <paramref name="yaml"/>, and their names for a failing case's report.</summary>
    public (byte[] Bytes, string Mutations) Mutate(string yaml)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(yaml);
        List<string> names = [];
        int count = _random.Next(1, 4);
        for (int i = 0; i < count; i++)
        {
            (string name, Func<byte[], byte[]> mutation) = Mutations[_random.Next(Mutations.Length)];
            names.Add(name);
            bytes = mutation(bytes);
        }

        return (bytes, string.Join(" + ", names));
    }

    private (string Name, Func<byte[], byte[]> Mutation)[] Mutations =>
    [
        ("byte flips", FlipBits),
        ("truncation", Truncate),
        ("deleted line", bytes => Lines(bytes, lines => lines.RemoveAt(_random.Next(lines.Count)))),
        ("duplicated line", bytes => Lines(bytes, lines => { int i = _random.Next(lines.Count); lines.Insert(i, lines[i]); })),
        ("swapped lines", bytes => Lines(bytes, lines => { int a = _random.Next(lines.Count), b = _random.Next(lines.Count); (lines[a], lines[b]) = (lines[b], lines[a]); })),
        ("bracket removed", RemoveBracket),
        ("deep nesting", DeepNesting),
        ("billion laughs", BillionLaughs),
        ("aliases", Aliases),
        ("hostile number", HostileNumber),
        ("wrong type", WrongType),
        ("unicode junk", UnicodeJunk),
        ("binary", Binary),
        ("tab indentation", bytes => Lines(bytes, lines => { int i = _random.Next(lines.Count); lines[i] = "\t" + lines[i].TrimStart(' '); })),
        ("indentation shift", bytes => Lines(bytes, lines => { int i = _random.Next(lines.Count); lines[i] = _random.Next(2) == 0 ? " " + lines[i] : lines[i].TrimStart(); })),
        ("punctuation", Punctuate),
        ("huge value", bytes => Text(bytes, text => ReplaceValue(text, new string('x', _random.Next(1_000, 200_000))))),
        ("double stars", bytes => Text(bytes, text => ReplaceValue(text, "[\"" + string.Concat(Enumerable.Repeat(_random.Next(2) == 0 ? "**/" : "**/x/", _random.Next(2, 40))) + ".env\"]"))),
        ("documents", bytes => Lines(bytes, lines => lines.Insert(_random.Next(lines.Count + 1), _random.Next(2) == 0 ? "---" : "..."))),
    ];

    private byte[] FlipBits(byte[] bytes)
    {
        byte[] result = (byte[])bytes.Clone();
        for (int i = _random.Next(1, 9); i > 0 && result.Length > 0; i--)
        {
            result[_random.Next(result.Length)] ^= (byte)(1 << _random.Next(8));
        }

        return result;
    }

    private byte[] Truncate(byte[] bytes) => bytes[.._random.Next(bytes.Length + 1)];

    private byte[] RemoveBracket(byte[] bytes) => Text(bytes, text =>
    {
        int[] brackets = [.. Enumerable.Range(0, text.Length).Where(i => text[i] is '[' or ']' or '{' or '}')];
        return brackets.Length == 0 ? text : text.Remove(brackets[_random.Next(brackets.Length)], 1);
    });

    private byte[] DeepNesting(byte[] bytes) => Text(bytes, text =>
    {
        int depth = _random.Next(4) switch { 0 => 65, 1 => 1_000, 2 => 20_000, _ => 100_000 };
        string opener = _random.Next(3) switch { 0 => "[", 1 => "{a: ", _ => "- " };
        string nested = string.Concat(Enumerable.Repeat(opener, depth));
        if (opener == "- ")
        {
            return ReplaceValue(text, "\n    " + nested + "x");
        }

        bool closed = _random.Next(2) == 0;
        string closer = opener == "[" ? "]" : "}";
        return ReplaceValue(text, nested + "x" + (closed ? string.Concat(Enumerable.Repeat(closer, depth)) : ""));
    });

    private byte[] BillionLaughs(byte[] bytes) => Text(bytes, text =>
    {
        int levels = _random.Next(3, 10);
        StringBuilder laughs = new("lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level < levels; level++)
        {
            string previous = Invariant($"*lol{level - 1}");
            laughs.Append(Invariant($"lol{level}: &lol{level} [")).AppendJoin(", ", Enumerable.Repeat(previous, 10)).Append("]\n");
        }

        string top = Invariant($"*lol{levels - 1}");
        return _random.Next(3) switch
        {
            0 => laughs + text,
            1 => laughs + Invariant($"? {top}\n: boom\n") + text,
            _ => laughs + ReplaceValue(text, top),
        };
    });

    private byte[] Aliases(byte[] bytes) => Text(bytes, text => _random.Next(4) switch
    {
        0 => ReplaceValue(text, "*undefined"),
        1 => "loop: &a [*a]\n" + text,
        2 => "base: &base {model: m, endpoints: [laptop]}\n" + ReplaceValue(text, "*base"),
        _ => "name: &n quick\n" + ReplaceValue(text, "*n"),
    });

    private byte[] HostileNumber(byte[] bytes) => Text(bytes, text =>
    {
        int[] starts = [.. Enumerable.Range(0, text.Length).Where(i => char.IsAsciiDigit(text[i]) && (i == 0 || !char.IsAsciiDigit(text[i - 1])))];
        if (starts.Length == 0)
        {
            return text;
        }

        int start = starts[_random.Next(starts.Length)];
        int end = start;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }

        return string.Concat(text.AsSpan(0, start), HostileNumbers[_random.Next(HostileNumbers.Length)], text.AsSpan(end));
    });

    private byte[] WrongType(byte[] bytes) => Text(bytes, text => ReplaceValue(text, WrongValues[_random.Next(WrongValues.Length)]));

    private byte[] UnicodeJunk(byte[] bytes) => Text(bytes, text =>
    {
        StringBuilder result = new(text);
        for (int i = _random.Next(1, 6); i > 0; i--)
        {
            result.Insert(_random.Next(result.Length + 1), JunkCharacters[_random.Next(JunkCharacters.Length)]);
        }

        return result.ToString();
    });

    private byte[] Binary(byte[] bytes)
    {
        byte[] junk = new byte[_random.Next(1, 8_192)];
        _random.NextBytes(junk);
        int at = _random.Next(bytes.Length + 1);
        return _random.Next(3) switch
        {
            0 => junk,
            1 => [.. bytes.AsSpan(0, at), .. junk, .. bytes.AsSpan(at)],
            _ => [.. bytes, .. junk],
        };
    }

    private byte[] Punctuate(byte[] bytes) => Text(bytes, text =>
        text.Insert(_random.Next(text.Length + 1), Punctuation[_random.Next(Punctuation.Length)]));

    /// <summary>Replaces the value after one "key: " with <paramref name="value"/>.</summary>
    private string ReplaceValue(string text, string value)
    {
        int[] colons = [.. Enumerable.Range(0, Math.Max(0, text.Length - 1)).Where(i => text[i] == ':' && text[i + 1] == ' ')];
        if (colons.Length == 0)
        {
            return text + "\nextra: " + value + "\n";
        }

        int start = colons[_random.Next(colons.Length)] + 2;
        int end = text.IndexOf('\n', start);
        return string.Concat(text.AsSpan(0, start), value, end < 0 ? "" : text.AsSpan(end));
    }

    private static byte[] Text(byte[] bytes, Func<string, string> change) => Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(bytes)));

    private static byte[] Lines(byte[] bytes, Action<List<string>> change) => Text(bytes, text =>
    {
        List<string> lines = [.. text.Split('\n')];
        change(lines);
        if (lines.Count == 0)
        {
            lines.Add("");
        }

        return string.Join('\n', lines);
    });

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Text;
using static Router.Lsp.Tests.Fuzzing.FuzzNode;

namespace Router.Lsp.Tests.Fuzzing;

/// <summary>Values that are valid JSON of the wrong type, text that is not valid Unicode, numbers no integer holds, nesting
/// and sizes past every limit, and fragments that are not JSON at all.</summary>
internal static class HostileValues
{
    private static readonly string[] WrongTypes =
    [
        "null", "true", "false", "0", "-1", "1.5", "-0", "\"\"", "\"x\"", "{}", "[]", "[[]]", "{\"a\":{}}", "[null]", "\"2.0\"", "\"0\"",
    ];

    private static readonly string[] Numbers =
    [
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649", "4294967296",
        "123456789012345678901234567890", "1e309", "-1e309", "1e-400", "0.1e1", "1E2", "-0.0", "1" + new string('0', 400),
    ];

    /// <summary>Escapes that are valid JSON but not valid Unicode, and awkward characters that are.</summary>
    private static readonly string[] UnicodeEscapes =
    [
        "\"\\ud800\"", "\"\\udfff\"", "\"\\udc00\\ud800\"", "\"a\\ud800b\"", "\"\\ud800\\u0041\"", "\"\\ud83d\"", "\"\\u0000\"", "\"\\ufffe\"",
        "\"\\uffff\"", "\"\\u202e\"", "\"\\ufeff\"", "\"e\\u0301\"", "\"\\ud83d\\ude00\"", "\"\\u2028\\u2029\"", "\"\\\\\"", "\"\\/\"",
    ];

    /// <summary>Bytes that are not UTF-8: a lead byte with a bad continuation, bytes UTF-8 never uses, an overlong NUL, an
    /// encoded surrogate, a code point past U+10FFFF, a truncated sequence, a lone continuation byte.</summary>
    private static readonly byte[][] NotUtf8 =
    [
        [0xC3, 0x28], [0xFF], [0xFE], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
    ];

    private static readonly string[] NotJson =
    [
        "01", "1.", ".5", "NaN", "Infinity", "'x'", "undefined", "\"unterminated", "tru", "nul", "{", "]", "\"\\x41\"", "\"\\u12\"", "+1", "0x10",
        "\"tab\there\"", "/*c*/1",
    ];

    public static FuzzNode Next(Random random) => random.Next(9) switch
    {
        0 or 1 => Json(Pick(random, WrongTypes)),
        2 => Json(Pick(random, Numbers)),
        3 => Json(Pick(random, UnicodeEscapes)),
        4 => StringWithBytes(random, Pick(random, NotUtf8)),
        5 => Nested(random),
        6 => Large(random),
        7 => Json(Pick(random, NotJson)),
        _ => Json(Pick(random, UnicodeEscapes)),
    };

    /// <summary>Bytes that are not UTF-8 (for keys and for byte-level mutation).</summary>
    public static byte[] NotUtf8Bytes(Random random) => Pick(random, NotUtf8);

    private static FuzzNode StringWithBytes(Random random, byte[] bad)
    {
        List<byte> bytes = [(byte)'"'];
        if (random.Next(2) == 0)
        {
            bytes.AddRange("text/"u8.ToArray());
        }

        bytes.AddRange(bad);
        if (random.Next(2) == 0)
        {
            bytes.AddRange("tail"u8.ToArray());
        }

        bytes.Add((byte)'"');
        return Raw([.. bytes]);
    }

    private static FuzzNode Nested(Random random)
    {
        // Around System.Text.Json's default depth limit of 64, and far past it.
        int[] depths = [8, 60, 62, 63, 64, 65, 66, 200, 5000];
        int depth = Pick(random, depths);
        bool objects = random.Next(2) == 0;
        StringBuilder json = new(depth * 8);
        for (int i = 0; i < depth; i++)
        {
            json.Append(objects ? "{\"a\":" : "[");
        }

        json.Append('1');
        for (int i = 0; i < depth; i++)
        {
            json.Append(objects ? '}' : ']');
        }

        return Json(json.ToString());
    }

    private static FuzzNode Large(Random random) => random.Next(4) switch
    {
        0 => Text(new string('a', Pick(random, [1024, 65_536, 300_000]))),
        1 => Json("[" + string.Join(',', Enumerable.Repeat("0", Pick(random, [1000, 20_000]))) + "]"),
        2 => Json("{" + string.Join(',', Enumerable.Range(0, Pick(random, [500, 5000])).Select(i => $"\"k{i}\":{i}")) + "}"),
        _ => Text(string.Concat(Enumerable.Repeat("😀\u0301", Pick(random, [100, 10_000])))),
    };

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Router.Core.Configuration;

/// <summary>Turns a configuration file's bytes into text, and finds the first character YAML does not allow, so a
/// binary or mis-encoded file is reported at its line instead of confusing the parser.</summary>
internal static class ConfigText
{
    private const int MaxExcerpt = 60;

    /// <summary>Decodes UTF-8 (UTF-16 and UTF-32 when a byte order mark says so); a byte that is not valid in the encoding
    /// is replaced by U+FFFD and reported as a fault at its line.</summary>
    public static (string Text, TextFault? Fault) Decode(ReadOnlySpan<byte> bytes)
    {
        Encoding? marked = bytes switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
            [0x00, 0x00, 0xFE, 0xFF, ..] => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
            [0xFF, 0xFE, ..] => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            [0xFE, 0xFF, ..] => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            _ => null,
        };
        if (marked is not null)
        {
            int preamble = marked.Preamble.Length;
            string text = marked.GetString(bytes[preamble..]);
            int bad = text.IndexOf('\uFFFD', StringComparison.Ordinal);
            return (text, bad < 0 ? null : new TextFault(LineAt(text, bad), $"the file is not valid {marked.WebName} text"));
        }

        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            bytes = bytes[3..];
        }

        TextFault? fault = null;
        char[] buffer = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            OperationStatus status = Utf8.ToUtf16(bytes, buffer, out int read, out _, replaceInvalidSequences: false);
            if (status == OperationStatus.InvalidData)
            {
                long line = LineAt(bytes[..read]);
                fault = new TextFault(line, string.Create(CultureInfo.InvariantCulture,
                    $"byte 0x{bytes[read]:X2} is not UTF-8 text (is this a binary file? the file must be UTF-8)"));
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        return (Encoding.UTF8.GetString(bytes), fault);
    }

    /// <summary>The first character outside YAML's printable set (C0 and C1 controls but tab and line breaks, DEL,
    /// lone surrogates, U+FFFE and U+FFFF) or one the parser would miscount lines by (NEL, U+2028, U+2029), or null.</summary>
    public static TextFault? FindDisallowed(string text)
    {
        int index = IndexOfDisallowed(text);
        if (index < 0)
        {
            return null;
        }

        char c = text[index];
        string message = c switch
        {
            '\u0085' or '\u2028' or '\u2029' => string.Create(CultureInfo.InvariantCulture,
                $"character U+{(int)c:X4} (a Unicode line break) is not allowed in a configuration; use an ordinary line break"),
            _ when char.IsSurrogate(c) => "a lone surrogate is not allowed in YAML (is this a binary file?)",
            _ => string.Create(CultureInfo.InvariantCulture, $"character U+{(int)c:X4} is not allowed in YAML (is this a binary file?)"),
        };
        return new TextFault(LineAt(text, index), message);
    }

    /// <summary>A value as a message quotes it: a pasted 100 KB value is cut to its start.</summary>
    public static string Excerpt(string value) => value.Length <= MaxExcerpt ? value : string.Concat(value.AsSpan(0, MaxExcerpt - 3), "...");

    /// <summary>The text with every disallowed character replaced by U+FFFD, which the parser reads as an ordinary letter.</summary>
    public static string Sanitize(string text)
    {
        if (IndexOfDisallowed(text) < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            source.AsSpan().CopyTo(span);
            for (int i = 0; i < span.Length; i++)
            {
                if (IsDisallowed(span, i))
                {
                    span[i] = '\uFFFD';
                }
            }
        });
    }

    /// <summary>The 1-based line of <paramref name="index"/>, counting line breaks as the parser and editors do: "\r\n",
    /// "\n" and a lone "\r".</summary>
    public static long LineAt(string text, int index)
    {
        ReadOnlySpan<char> before = text.AsSpan(0, index);
        return before.Count('\n') + before.Count('\r') - before.Count("\r\n") + 1;
    }

    private static long LineAt(ReadOnlySpan<byte> before) =>
        before.Count((byte)'\n') + before.Count((byte)'\r') - before.Count("\r\n"u8) + 1;

    private static int IndexOfDisallowed(string text)
    {
        ReadOnlySpan<char> span = text;
        for (int i = 0; i < span.Length; i++)
        {
            if (IsDisallowed(span, i))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsDisallowed(ReadOnlySpan<char> text, int i)
    {
        char c = text[i];
        if (c < ' ')
        {
            return c is not ('\t' or '\n' or '\r');
        }

        // NEL is printable in YAML, but the parser counts it (and the Unicode line and paragraph separators) as a line
        // break where editors do not, which would put every later diagnostic on the wrong line; in a configuration file
        // they are pasted junk.
        if (c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029')
        {
            return true;
        }

        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return i == 0 || !char.IsHighSurrogate(text[i - 1]);
        }

        return c is '\uFFFE' or '\uFFFF';
    }
}

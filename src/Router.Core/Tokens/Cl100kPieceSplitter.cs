using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Router.Core.Tokens;

/// <summary>
/// cl100k_base's pre-tokenization, written as a scanner instead of a Regex for speed:
/// <c>(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+</c>.
/// Works on code points, as tiktoken's regex does, so a surrogate pair is one character.
/// </summary>
internal static class Cl100kPieceSplitter
{
    // CharClass of each ASCII character: 0 other, 1 letter, 2 number, 3 space, 4 line break.
    private static ReadOnlySpan<byte> AsciiClasses =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 4, 3, 3, 4, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ];

    /// <summary>Where the piece that starts at <paramref name="start"/> ends (exclusive).</summary>
    public static int PieceEnd(ReadOnlySpan<char> text, int start) => PieceEnd(text, start, out _);

    /// <summary>Where the piece that starts at <paramref name="start"/> ends (exclusive), and, when it is all ASCII, its
    /// characters as <see cref="ShortPieceCountCache.Pack"/> packs them (zero when it is not, or could not be told so
    /// cheaply).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PieceEnd(ReadOnlySpan<char> text, int start, out ulong asciiChars)
    {
        int end = AsciiPieceEnd(text, start, out asciiChars);
        if (end >= 0)
        {
            return end;
        }

        asciiChars = 0;
        return AnyPieceEnd(text, start);
    }

    /// <summary>The end of the piece at <paramref name="start"/> when every character that decides it is ASCII, else -1.
    /// </summary>
    /// <remarks>Code and English prose are nearly all ASCII. This path reads each character once, with one table look-up,
    /// packing it as it goes so that a cache key costs no second read. It gives up, to <see cref="AnyPieceEnd"/>, at the
    /// first character that is not ASCII, which might carry a letter run or a whitespace run on.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AsciiPieceEnd(ReadOnlySpan<char> text, int start, out ulong chars)
    {
        ref byte classes = ref MemoryMarshal.GetReference(AsciiClasses);
        int length = text.Length;
        char first = text[start];
        chars = first;
        if (first >= 128)
        {
            return -1;
        }

        int next = start + 1;
        int nextClass = next == length ? EndOfText : text[next] < 128 ? AsciiClassOf(ref classes, text[next]) : -1;
        if (nextClass < 0)
        {
            return -1;
        }

        switch ((CharClass)AsciiClassOf(ref classes, first))
        {
            case CharClass.Letter:
                return AsciiRunEnd(text, next, CharClass.Letter, ref chars);
            case CharClass.Number:
                for (int digits = 1; digits < 3 && next < length; digits++, next++)
                {
                    char c = text[next];
                    if (c >= 128)
                    {
                        return -1;
                    }

                    if (AsciiClassOf(ref classes, c) != (byte)CharClass.Number)
                    {
                        break;
                    }

                    chars = ShortPieceCountCache.Pack(chars, c);
                }

                return next;
            case CharClass.Other:
                if (nextClass == (byte)CharClass.Letter)
                {
                    int contraction = first == '\'' ? ContractionLength(text, next) : 0;
                    if (contraction > 0)
                    {
                        chars = ShortPieceCountCache.Pack(text.Slice(start, 1 + contraction));
                        return next + contraction;
                    }

                    chars = ShortPieceCountCache.Pack(chars, text[next]);
                    return AsciiRunEnd(text, next + 1, CharClass.Letter, ref chars);
                }

                return AsciiPunctuationRunEnd(text, next, ref chars);
            case CharClass.Space:
                if (nextClass == (byte)CharClass.Letter)
                {
                    chars = ShortPieceCountCache.Pack(chars, text[next]);
                    return AsciiRunEnd(text, next + 1, CharClass.Letter, ref chars);
                }

                if (first == ' ' && nextClass == (byte)CharClass.Other)
                {
                    chars = ShortPieceCountCache.Pack(chars, text[next]);
                    return AsciiPunctuationRunEnd(text, next + 1, ref chars);
                }

                return AsciiWhitespaceEnd(text, start, out chars);
            default:
                return AsciiWhitespaceEnd(text, start, out chars);
        }
    }

    private const int EndOfText = 5;

    // Every caller has checked that c is below 128, the table's length; the look-up runs for nearly every character of a
    // text, so it goes without a second bounds check.
    private static byte AsciiClassOf(ref byte classes, char c) => Unsafe.Add(ref classes, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AsciiRunEnd(ReadOnlySpan<char> text, int position, CharClass runClass, ref ulong chars)
    {
        ref byte classes = ref MemoryMarshal.GetReference(AsciiClasses);
        ulong packed = chars;
        for (; position < text.Length; position++)
        {
            char c = text[position];
            if (c >= 128)
            {
                return -1;
            }

            if (AsciiClassOf(ref classes, c) != (byte)runClass)
            {
                break;
            }

            packed = ShortPieceCountCache.Pack(packed, c);
        }

        chars = packed;
        return position;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AsciiPunctuationRunEnd(ReadOnlySpan<char> text, int position, ref ulong chars)
    {
        position = AsciiRunEnd(text, position, CharClass.Other, ref chars);
        if (position < 0)
        {
            return -1;
        }

        for (; position < text.Length && text[position] is '\r' or '\n'; position++)
        {
            chars = ShortPieceCountCache.Pack(chars, text[position]);
        }

        return position;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AsciiWhitespaceEnd(ReadOnlySpan<char> text, int start, out ulong chars)
    {
        ref byte classes = ref MemoryMarshal.GetReference(AsciiClasses);
        chars = 0;
        int end = start;
        int lastLineBreak = -1;
        for (; end < text.Length; end++)
        {
            char c = text[end];
            if (c >= 128)
            {
                return -1;
            }

            byte charClass = AsciiClassOf(ref classes, c);
            if (charClass < (byte)CharClass.Space)
            {
                break;
            }

            if (charClass == (byte)CharClass.LineBreak)
            {
                lastLineBreak = end;
            }
        }

        // The piece may stop short of the run, so its characters are packed once its end is known.
        end = WhitespaceRunEnd(text.Length, start, end, lastLineBreak);
        chars = ShortPieceCountCache.Pack(text[start..end]);
        return end;
    }

    /// <summary>Where the piece that starts at <paramref name="start"/> ends, for any text.</summary>
    private static int AnyPieceEnd(ReadOnlySpan<char> text, int start)
    {
        int length = text.Length;
        char first = text[start];

        // (?i:'s|'t|'re|'ve|'m|'ll|'d)
        if (first == '\'' && start + 1 < length)
        {
            int contraction = ContractionLength(text, start + 1);
            if (contraction > 0)
            {
                return start + 1 + contraction;
            }
        }

        CharClass firstClass = Classify(text, start, out int firstWidth);
        switch (firstClass)
        {
            case CharClass.Letter:
                return LetterRunEnd(text, start + firstWidth);
            case CharClass.Number:
                return NumberRunEnd(text, start + firstWidth);
            case CharClass.Other:
            {
                // [^\r\n\p{L}\p{N}]?\p{L}+ before  ?[^\s\p{L}\p{N}]+[\r\n]*
                int next = start + firstWidth;
                if (next < length && Classify(text, next, out int letterWidth) == CharClass.Letter)
                {
                    return LetterRunEnd(text, next + letterWidth);
                }

                return PunctuationRunEnd(text, next);
            }

            case CharClass.Space:
            {
                int next = start + 1;
                if (next < length)
                {
                    CharClass nextClass = Classify(text, next, out int nextWidth);
                    if (nextClass == CharClass.Letter)
                    {
                        return LetterRunEnd(text, next + nextWidth);
                    }

                    if (first == ' ' && nextClass == CharClass.Other)
                    {
                        return PunctuationRunEnd(text, next + nextWidth);
                    }
                }

                return WhitespaceEnd(text, start);
            }

            default:
                return WhitespaceEnd(text, start);
        }
    }

    private static int ContractionLength(ReadOnlySpan<char> text, int at)
    {
        char c = text[at];
        bool hasNext = at + 1 < text.Length;
        char next = hasNext ? (char)(text[at + 1] | 0x20) : '\0';
        return (char)(c | 0x20) switch
        {
            's' or 't' or 'm' or 'd' when c is >= 'A' and <= 'z' => 1,
            'r' or 'v' when c is >= 'A' and <= 'z' && hasNext && next == 'e' => 2,
            'l' when c is >= 'A' and <= 'z' && hasNext && next == 'l' => 2,
            // U+017F LONG S case-folds to 's' under (?i).
            _ when c == '\u017F' => 1,
            _ => 0,
        };
    }

    private static int LetterRunEnd(ReadOnlySpan<char> text, int position)
    {
        while (position < text.Length)
        {
            char c = text[position];
            if (c < 128)
            {
                if (AsciiClasses[c] != (byte)CharClass.Letter)
                {
                    break;
                }

                position++;
            }
            else if (Classify(text, position, out int width) == CharClass.Letter)
            {
                position += width;
            }
            else
            {
                break;
            }
        }

        return position;
    }

    private static int NumberRunEnd(ReadOnlySpan<char> text, int position)
    {
        for (int digits = 1; digits < 3 && position < text.Length; digits++)
        {
            if (Classify(text, position, out int width) != CharClass.Number)
            {
                break;
            }

            position += width;
        }

        return position;
    }

    private static int PunctuationRunEnd(ReadOnlySpan<char> text, int position)
    {
        while (position < text.Length)
        {
            char c = text[position];
            if (c < 128)
            {
                if (AsciiClasses[c] != (byte)CharClass.Other)
                {
                    break;
                }

                position++;
            }
            else if (Classify(text, position, out int width) == CharClass.Other)
            {
                position += width;
            }
            else
            {
                break;
            }
        }

        while (position < text.Length && text[position] is '\r' or '\n')
        {
            position++;
        }

        return position;
    }

    // \s*[\r\n]+ | \s+(?!\S) | \s+ over the whitespace run at start (whitespace is always one UTF-16 unit).
    private static int WhitespaceEnd(ReadOnlySpan<char> text, int start)
    {
        int end = start;
        int lastLineBreak = -1;
        while (end < text.Length && IsWhitespace(text[end]))
        {
            if (text[end] is '\r' or '\n')
            {
                lastLineBreak = end;
            }

            end++;
        }

        return WhitespaceRunEnd(text.Length, start, end, lastLineBreak);
    }

    // \s*[\r\n]+ takes the run up to its last line break; else \s+(?!\S) leaves the last space to the piece after it, and
    // \s+ takes a single space.
    private static int WhitespaceRunEnd(int length, int start, int end, int lastLineBreak)
    {
        if (lastLineBreak >= 0)
        {
            return lastLineBreak + 1;
        }

        if (end == length || end - start == 1)
        {
            return end;
        }

        return end - 1;
    }

    public static bool IsWhitespace(char c) => c < 128 ? AsciiClasses[c] >= (byte)CharClass.Space : char.IsWhiteSpace(c);

    private static CharClass Classify(ReadOnlySpan<char> text, int position, out int width)
    {
        char c = text[position];
        width = 1;
        if (c < 128)
        {
            return (CharClass)AsciiClasses[c];
        }

        UnicodeCategory category;
        if (char.IsHighSurrogate(c) && position + 1 < text.Length && char.IsLowSurrogate(text[position + 1]))
        {
            width = 2;
            category = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[position + 1]));
        }
        else
        {
            if (char.IsWhiteSpace(c))
            {
                return CharClass.Space;
            }

            category = CharUnicodeInfo.GetUnicodeCategory(c);
        }

        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => CharClass.Letter,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => CharClass.Number,
            _ => CharClass.Other,
        };
    }
}

namespace Router.Core.Signals.Languages;

/// <summary>Folds text for cue matching: lower case, accents and other marks removed ("Función" → "funcion", "ł" → "l",
/// "ß" → "ss", "ё" → "е"), every run of characters that are neither letters nor digits made one space, and a space put
/// between a run of Chinese or Japanese characters and a run of any other letters, so that "用Java实现" reads as three
/// words. Also finds short quoted spans ("what does «beweisen» mean?"), whose words are being asked about, not used.</summary>
internal static class TextFolding
{
    /// <summary>Most characters <see cref="Fold"/> writes for a text of <paramref name="length"/> characters.</summary>
    public static int MaxFoldedLength(int length) => (2 * length) + 1;

    /// <summary>Quoted spans longer than this (in characters of the text) are quotations, not terms.</summary>
    private const int MaxQuotedChars = 120;

    // The base letter of each character from U+0100 to U+017F (Latin Extended-A); Œ/œ and Ĳ/ĳ are handled apart.
    private const string LatinExtendedA =
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

    /// <summary>Writes the folded text into <paramref name="folded"/> (at least <see cref="MaxFoldedLength"/> long) and
    /// returns its length; <paramref name="quotes"/> receives start and end pairs of quoted spans (positions in the
    /// folded text), <paramref name="quoteCount"/> how many.</summary>
    public static int Fold(ReadOnlySpan<char> text, Span<char> folded, Span<int> quotes, out int quoteCount, out Scripts scripts)
    {
        int length = 0;
        int previousClass = 0; // 0: separator, 1: letter or digit of a spaced script, 2: Chinese or Japanese character
        scripts = Scripts.None;
        quoteCount = 0;
        char pendingClose = '\0';
        int pendingFolded = 0;
        int pendingSource = 0;
        char[] ascii = AsciiFolds;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 0x80)
            {
                // One look-up folds ASCII: a lower-case letter or digit, or '\0' for a separator.
                char lower = ascii[c];
                if (lower != '\0')
                {
                    if (previousClass == 2)
                    {
                        folded[length++] = ' ';
                    }

                    folded[length++] = lower;
                    previousClass = 1;
                    continue;
                }

                if (c == '\n')
                {
                    pendingClose = '\0';
                }
                else if (c is '"' or '\'')
                {
                    TrackQuote(text, i, c, length, quotes, ref quoteCount, ref pendingClose, ref pendingFolded, ref pendingSource);
                }

                if (previousClass != 0)
                {
                    folded[length++] = ' ';
                    previousClass = 0;
                }

                continue;
            }

            if (c is >= '\u00C0' and <= '\u024F')
            {
                FoldLatin(c, folded, ref length, ref previousClass);
            }
            else if (c is >= '\u0300' and <= '\u036F')
            {
                // A combining accent, as in text in decomposed form: dropped, the letter before it stays.
            }
            else if (c is >= '\u0400' and <= '\u04FF')
            {
                // Russian capitals by arithmetic (А-Я, Ѐ-Џ), the rarer letters by the general rule; ё as е.
                scripts |= Scripts.Cyrillic;
                char lower = c switch
                {
                    >= '\u0410' and <= '\u042F' => (char)(c + 0x20),
                    >= '\u0400' and <= '\u040F' => (char)(c + 0x50),
                    < '\u0460' => c,
                    _ => char.ToLowerInvariant(c),
                };
                Append(folded, ref length, ref previousClass, 1, lower == 'ё' ? 'е' : lower);
            }
            else if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF' or '\u3005' or '\u3007')
            {
                scripts |= Scripts.Han;
                Append(folded, ref length, ref previousClass, 2, c);
            }
            else if (c is >= '\u3041' and <= '\u309F' or >= '\u30A1' and <= '\u30FA' or >= '\u30FC' and <= '\u30FF' or >= '\u31F0' and <= '\u31FF' or >= '\uFF66' and <= '\uFF9F')
            {
                scripts |= Scripts.Kana;
                Append(folded, ref length, ref previousClass, 2, c);
            }
            else if (c is >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F')
            {
                scripts |= Scripts.Hangul;
                Append(folded, ref length, ref previousClass, 1, c);
            }
            else if (c is >= '\uFF01' and <= '\uFF5E')
            {
                // Full-width forms of ASCII ("ＡＰＩ", "１０"); their punctuation separates.
                char narrow = (char)(c - 0xFEE0);
                if (char.IsAsciiLetterOrDigit(narrow))
                {
                    Append(folded, ref length, ref previousClass, 1, char.ToLowerInvariant(narrow));
                }
                else
                {
                    TrackQuote(text, i, narrow is '"' or '\'' ? '\0' : c, length, quotes, ref quoteCount, ref pendingClose, ref pendingFolded, ref pendingSource);
                    Separate(folded, ref length, ref previousClass);
                }
            }
            else if (c is >= '\u1EA0' and <= '\u1EF9')
            {
                // Vietnamese letters with two marks: their base vowel.
                char vowel = c switch
                {
                    <= '\u1EB7' => 'a',
                    <= '\u1EC7' => 'e',
                    <= '\u1ECB' => 'i',
                    <= '\u1EE3' => 'o',
                    <= '\u1EF1' => 'u',
                    _ => 'y',
                };
                Append(folded, ref length, ref previousClass, 1, vowel);
            }
            else if (char.IsLetterOrDigit(c) && !char.IsSurrogate(c))
            {
                Append(folded, ref length, ref previousClass, 1, char.ToLowerInvariant(c));
            }
            else
            {
                TrackQuote(text, i, c, length, quotes, ref quoteCount, ref pendingClose, ref pendingFolded, ref pendingSource);
                Separate(folded, ref length, ref previousClass);
            }
        }

        return length;
    }

    private static readonly char[] AsciiFolds = BuildAsciiFolds();

    private static char[] BuildAsciiFolds()
    {
        char[] folds = new char[128];
        for (char c = '\0'; c < 128; c++)
        {
            folds[c] = char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '\0';
        }

        return folds;
    }

    private static void FoldLatin(char c, Span<char> folded, ref int length, ref int previousClass)
    {
        if (c <= '\u00FF')
        {
            switch (c)
            {
                case '×' or '÷':
                    Separate(folded, ref length, ref previousClass);
                    return;
                case 'ß':
                    Append(folded, ref length, ref previousClass, 1, 's');
                    Append(folded, ref length, ref previousClass, 1, 's');
                    return;
                case 'Æ' or 'æ':
                    Append(folded, ref length, ref previousClass, 1, 'a');
                    Append(folded, ref length, ref previousClass, 1, 'e');
                    return;
                case 'Þ' or 'þ':
                    Append(folded, ref length, ref previousClass, 1, 't');
                    Append(folded, ref length, ref previousClass, 1, 'h');
                    return;
            }

            char lower = (char)(c | 0x20);
            char letter = lower switch
            {
                >= 'à' and <= 'å' => 'a',
                'ç' => 'c',
                >= 'è' and <= 'ë' => 'e',
                >= 'ì' and <= 'ï' => 'i',
                'ð' => 'd',
                'ñ' => 'n',
                >= 'ò' and <= 'ö' or 'ø' => 'o',
                >= 'ù' and <= 'ü' => 'u',
                'ý' or 'ÿ' => 'y',
                _ => lower,
            };
            Append(folded, ref length, ref previousClass, 1, letter);
            return;
        }

        if (c is 'Œ' or 'œ')
        {
            Append(folded, ref length, ref previousClass, 1, 'o');
            Append(folded, ref length, ref previousClass, 1, 'e');
            return;
        }

        if (c <= '\u017F')
        {
            Append(folded, ref length, ref previousClass, 1, LatinExtendedA[c - 0x0100]);
            return;
        }

        // Latin Extended-B: the Romanian comma-below letters and the Vietnamese horned vowels; the rest kept lowered.
        char other = c switch
        {
            '\u0218' or '\u0219' => 's',
            '\u021A' or '\u021B' => 't',
            '\u01A0' or '\u01A1' => 'o',
            '\u01AF' or '\u01B0' => 'u',
            _ => char.ToLowerInvariant(c),
        };
        Append(folded, ref length, ref previousClass, 1, other);
    }

    private static void Append(Span<char> folded, ref int length, ref int previousClass, int charClass, char c)
    {
        if (previousClass != 0 && previousClass != charClass)
        {
            folded[length++] = ' ';
        }

        folded[length++] = c;
        previousClass = charClass;
    }

    private static void Separate(Span<char> folded, ref int length, ref int previousClass)
    {
        if (previousClass != 0)
        {
            folded[length++] = ' ';
            previousClass = 0;
        }
    }

    /// <summary>Opens or closes a quoted span at a quotation mark. A straight apostrophe opens only after a character
    /// that is not a letter ("l'architecture", "Python'da" hold none) and closes only before one.</summary>
    private static void TrackQuote(
        ReadOnlySpan<char> text, int at, char mark, int foldedLength, Span<int> quotes, ref int quoteCount,
        ref char pendingClose, ref int pendingFolded, ref int pendingSource)
    {
        if (pendingClose != '\0')
        {
            bool closes = mark == pendingClose || (pendingClose == '“' && mark == '”') || (pendingClose == '”' && mark == '“');
            if (closes && mark == '\'' && at + 1 < text.Length && char.IsLetterOrDigit(text[at + 1]))
            {
                closes = false;
            }

            if (closes)
            {
                if (at - pendingSource <= MaxQuotedChars && quoteCount * 2 + 1 < quotes.Length)
                {
                    quotes[quoteCount * 2] = pendingFolded;
                    quotes[(quoteCount * 2) + 1] = foldedLength;
                    quoteCount++;
                }

                pendingClose = '\0';
            }

            return;
        }

        char close = mark switch
        {
            '"' => '"',
            '“' => '”',
            '„' => '“',
            '«' => '»',
            '»' => '«',
            '‹' => '›',
            '「' => '」',
            '『' => '』',
            '‘' => '’',
            '\'' when at == 0 || !char.IsLetterOrDigit(text[at - 1]) => '\'',
            _ => '\0',
        };
        if (close != '\0')
        {
            pendingClose = close;
            pendingFolded = foldedLength;
            pendingSource = at;
        }
    }
}

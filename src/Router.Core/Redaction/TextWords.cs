namespace Router.Core.Redaction;

/// <summary>Splits text into words as a reader sees them: runs of characters between white space and the punctuation
/// that surrounds values (quotes, brackets, '=', ':', ',', ';'), with a break where a script written without spaces meets
/// another one ("密码是Changjiang2020").</summary>
internal static class TextWords
{
    private const string Separators = "\"'`=:,;()[]{}<>|";

    public static List<(int Start, int End)> Of(string text, int start, int end)
    {
        List<(int Start, int End)> words = [];
        int wordStart = -1;
        for (int i = start; i <= end; i++)
        {
            bool breaks = i == end || IsSeparator(text[i]) || (wordStart >= 0 && IsSpaceless(text[i]) != IsSpaceless(text[i - 1]));
            if (breaks)
            {
                if (wordStart >= 0)
                {
                    words.Add((wordStart, i));
                    wordStart = -1;
                }

                if (i < end && !IsSeparator(text[i]))
                {
                    wordStart = i;
                }

                continue;
            }

            if (wordStart < 0)
            {
                wordStart = i;
            }
        }

        return words;
    }

    /// <summary>A word that is only letters ("password", "SSN", "Passwort"): a cue that tells what follows, not a value.</summary>
    public static bool IsCue(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (!char.IsLetter(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        return word.Length > 0;
    }

    public static bool IsSeparator(char c) => char.IsWhiteSpace(c) || Separators.Contains(c, StringComparison.Ordinal) || (c > 127 && char.IsPunctuation(c));

    /// <summary>A character that ends a value even without white space before it: the punctuation of other scripts
    /// ("，", "」", "？") or a letter of a script written without spaces ("7391인데").</summary>
    public static bool EndsSpacelessValue(char c) => c > 127 && (char.IsPunctuation(c) || IsSpaceless(c));

    // Han, kana, Hangul and their punctuation blocks: scripts that run words together.
    private static bool IsSpaceless(char c) => c >= '\u2E80' && c <= '\uD7AF' || c >= '\uF900' && c <= '\uFAFF' || c >= '\uFF00' && c <= '\uFFEF';
}

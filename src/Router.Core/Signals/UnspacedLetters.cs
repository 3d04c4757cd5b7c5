namespace Router.Core.Signals;

/// <summary>Letters of scripts that attach words to each other or to particles: Chinese and Japanese characters, kana
/// and Hangul. A regex's <c>\b</c> sees no boundary between one of them and a Latin letter or digit ("证明2^n",
/// "ZeroDivisionError가", "用userId"), where a reader sees one.</summary>
internal static class UnspacedLetters
{
    /// <summary>The text with each such letter replaced by a space (the same length, so positions agree), or the text
    /// itself when it holds none.</summary>
    public static string AsSpaces(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = text.AsSpan().IndexOfAnyExceptInRange('\0', '\u10FF');
        while (first >= 0 && first < text.Length && !IsUnspaced(text[first]))
        {
            int next = text.AsSpan(first + 1).IndexOfAnyExceptInRange('\0', '\u10FF');
            first = next < 0 ? -1 : first + 1 + next;
        }

        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (chars, state) =>
        {
            state.text.AsSpan().CopyTo(chars);
            for (int i = state.first; i < chars.Length; i++)
            {
                if (IsUnspaced(chars[i]))
                {
                    chars[i] = ' ';
                }
            }
        });
    }

    private static bool IsUnspaced(char c) =>
        c is >= '\u1100' and <= '\u11FF'
            or >= '\u3041' and <= '\u30FF'
            or >= '\u3130' and <= '\u318F'
            or >= '\u31F0' and <= '\u31FF'
            or >= '\u3400' and <= '\u4DBF'
            or >= '\u4E00' and <= '\u9FFF'
            or >= '\uAC00' and <= '\uD7AF'
            or >= '\uF900' and <= '\uFAFF'
            or >= '\uFF66' and <= '\uFF9F';
}

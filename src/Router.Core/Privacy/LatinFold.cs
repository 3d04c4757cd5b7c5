namespace Router.Core.Privacy;

/// <summary>Lower-cases text and strips the accents of Latin letters, so that a name typed with or without them
/// (<c>contraseña</c>, <c>contrasena</c>; <c>şifre</c>, <c>sifre</c>; <c>hasło</c>, <c>haslo</c>) reads the same.</summary>
/// <remarks>A table of its own: the process runs with invariant globalization, where Unicode normalization is not to
/// be relied on, and a look-up per character is cheaper anyway. Letters of other scripts are only lower-cased.</remarks>
internal static class LatinFold
{
    // Latin-1 Supplement and Latin Extended-A, U+00C0 to U+017F, each folded to one ASCII letter ('\0': keep as is).
    private const string Base =
        "aaaaaaaceeeeiiiidnooooo\0ouuuuytsaaaaaaaceeeeiiiidnooooo\0ouuuuyty" +
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll" +
        "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

    // Latin Extended Additional, U+1EA0 to U+1EF9: Vietnamese letters with two marks (ậ, ẩ, ế…).
    private const string Vietnamese = "aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy";

    /// <summary>The fold of one character: an ASCII lower-case letter for a Latin letter, else the lower-case character.</summary>
    public static char Fold(char c)
    {
        if (c < 128)
        {
            return char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
        }

        if (c is >= '\u00C0' and <= '\u017F')
        {
            char folded = Base[c - '\u00C0'];
            return folded == '\0' ? c : folded;
        }

        if (c is >= '\u1EA0' and <= '\u1EF9')
        {
            return Vietnamese[c - '\u1EA0'];
        }

        return char.ToLowerInvariant(c);
    }

    /// <summary>Folds <paramref name="text"/> into <paramref name="buffer"/>; returns the folded part (cut at the buffer's length).</summary>
    public static ReadOnlySpan<char> Fold(ReadOnlySpan<char> text, Span<char> buffer)
    {
        int length = Math.Min(text.Length, buffer.Length);
        for (int i = 0; i < length; i++)
        {
            buffer[i] = Fold(text[i]);
        }

        return buffer[..length];
    }
}

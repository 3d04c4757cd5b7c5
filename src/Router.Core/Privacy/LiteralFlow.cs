namespace Router.Core.Privacy;

/// <summary>Follows a name to the literal it was given in the same text: <c>SENHA = "…"</c> then
/// <c>connect(password=SENHA)</c>, or <c>{parol}</c> in a connection-string template.</summary>
/// <remarks>Only the request's own text is read; a name given its value elsewhere (the environment, another file) is not a
/// literal here.</remarks>
internal static class LiteralFlow
{
    private const int MaxName = 64;
    private const int MaxLiteral = 256;
    private const int MaxOccurrences = 32;

    /// <summary>The name a credential slot's value refers to: a bare name (<c>SENHA</c>), or the name in a template
    /// (<c>{parol}</c>, <c>${parol}</c>, <c>%(parol)s</c>, <c>{{parol}}</c>); empty when the value is neither.</summary>
    public static ReadOnlySpan<char> ReferencedName(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.StartsWith("%(", StringComparison.Ordinal))
        {
            value = value[2..];
            value = value.EndsWith(")s", StringComparison.Ordinal) ? value[..^2] : value.TrimEnd(')');
        }
        else if (value.StartsWith('{') || value.StartsWith("${", StringComparison.Ordinal))
        {
            // A bare value is cut at '}', so the closing braces may be missing.
            value = value.TrimStart('$').TrimStart('{').TrimEnd('}').Trim();
        }

        if (value.IsEmpty || value.Length > MaxName || char.IsDigit(value[0]))
        {
            return default;
        }

        // "{cfg.password}" or "{creds['db']}" are not followed; a name is letters, digits and '_'.
        foreach (char c in value)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return default;
            }
        }

        return value;
    }

    /// <summary>Where the quoted literal assigned to <paramref name="name"/> sits (<c>name = "…"</c>, <c>name: '…'</c>,
    /// <c>name := "…"</c>), or an empty range when the text gives it none.</summary>
    public static Range FindAssignedLiteral(ReadOnlySpan<char> text, ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return default;
        }

        int from = 0;
        for (int occurrence = 0; occurrence < MaxOccurrences; occurrence++)
        {
            int hit = text[from..].IndexOf(name, StringComparison.Ordinal);
            if (hit < 0)
            {
                return default;
            }

            int at = from + hit;
            from = at + name.Length;
            if ((at > 0 && IsNameChar(text[at - 1])) || (from < text.Length && IsNameChar(text[from])))
            {
                continue;
            }

            Range literal = LiteralAfter(text, from);
            if (!literal.Equals(default(Range)))
            {
                return literal;
            }
        }

        return default;
    }

    private static Range LiteralAfter(ReadOnlySpan<char> text, int p)
    {
        p = SkipBlanks(text, p);
        if (p >= text.Length)
        {
            return default;
        }

        // "=", ":=", ":" and "=>", never "==".
        if (text[p] == ':' && p + 1 < text.Length && text[p + 1] == '=')
        {
            p += 2;
        }
        else if (text[p] == '=' && p + 1 < text.Length && text[p + 1] == '>')
        {
            p += 2;
        }
        else if (text[p] is ':' or '=' && (p + 1 >= text.Length || text[p + 1] != '='))
        {
            p++;
        }
        else
        {
            return default;
        }

        p = SkipBlanks(text, p);
        if (p < text.Length && text[p] is 'r' or 'b' or 'u' or '@' or '$')
        {
            p++;
        }

        if (p >= text.Length || text[p] is not ('"' or '\'' or '`'))
        {
            return default;
        }

        char quote = text[p];
        int start = p + 1;
        int end = start;
        while (end < text.Length && end - start <= MaxLiteral && text[end] != quote && text[end] != '\n')
        {
            end += text[end] == '\\' ? 2 : 1;
        }

        return end < text.Length && text[end] == quote && end > start ? start..end : default;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static int SkipBlanks(ReadOnlySpan<char> text, int p)
    {
        while (p < text.Length && text[p] is ' ' or '\t')
        {
            p++;
        }

        return p;
    }
}

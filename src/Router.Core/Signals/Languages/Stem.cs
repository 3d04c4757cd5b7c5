namespace Router.Core.Signals.Languages;

/// <summary>A cue stem as compiled: folded text (with <see cref="CueTrie.Wildcard"/> for <c>*</c>) and its marks (see
/// <see cref="LanguageCues"/>).</summary>
internal readonly record struct Stem(string Text, StemPlace Place, bool Whole, bool NeedsEvidence, bool Exclusion)
{
    /// <summary>Whether the stem is Chinese characters only, which Chinese and Japanese write alike.</summary>
    public bool IsHanOnly => Text.All(c => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF');

    public static Stem Parse(string raw)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(raw);
        string body = raw.Trim();
        bool exclusion = false, needsEvidence = false, infix = false, wordStart = false;
        while (body.Length > 0 && body[0] is '!' or '?' or '~' or '^')
        {
            exclusion |= body[0] == '!';
            needsEvidence |= body[0] == '?';
            infix |= body[0] == '~';
            wordStart |= body[0] == '^';
            body = body[1..];
        }

        bool whole = body.EndsWith('|');
        if (whole)
        {
            body = body[..^1];
        }

        // "временн* сложност": the rest of a word, then the next; "wie * ich": a whole word between two.
        string text = string.Join(CueTrie.Wildcard, body.Split('*').Select((part, i) =>
            (i > 0 && part.StartsWith(' ') ? " " : "") + Fold(part) + (i < body.Count(c => c == '*') && part.EndsWith(' ') ? " " : "")));
        if (text.Length == 0 || text[0] is ' ' or CueTrie.Wildcard)
        {
            throw new ArgumentException($"A cue stem must begin with a letter: \"{raw}\".", nameof(raw));
        }

        bool unspaced = text[0] >= '\u1100';
        StemPlace place = infix ? StemPlace.Infix : unspaced && !wordStart ? StemPlace.Anywhere : StemPlace.WordStart;
        return new Stem(text, place, whole, needsEvidence, exclusion);
    }

    private static string Fold(string part)
    {
        char[] folded = new char[TextFolding.MaxFoldedLength(part.Length)];
        int length = TextFolding.Fold(part, folded, [], out _, out _);
        return new string(folded, 0, length).Trim();
    }
}

using System.Buffers;

namespace Router.Core.Privacy;

/// <summary>Finds, ignoring case, where any of a set of words occurs.</summary>
/// <remarks>
/// A vectorised multi-string search ignoring case is fast for a dozen short ASCII strings and several times slower for
/// fifty, or for strings of other scripts (about 70 µs on 4 KB). So the words are found through anchors: each ASCII word
/// through the first of a few given ASCII anchors it holds ("pass" for "password", "passwort", "mot de passe"), each
/// other word through one character of it that is not ASCII, looked for only in the text's runs of such characters.
/// </remarks>
internal sealed class CueFinder
{
    private readonly string[] _words;
    private readonly SearchValues<string> _asciiAnchors;
    private readonly (string Anchor, (int Word, int Offset)[] Words)[] _byAsciiAnchor;
    private readonly bool[] _isCharAnchor = new bool[char.MaxValue + 1];
    private readonly Dictionary<char, (int Word, int Offset)[]> _byCharAnchor = [];

    /// <param name="words">The words to find.</param>
    /// <param name="asciiAnchors">Lower-case ASCII strings, at most about a dozen, one of which every ASCII word holds.</param>
    public CueFinder(IReadOnlyList<string> words, IReadOnlyList<string> asciiAnchors)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(asciiAnchors);
        _words = [.. words];
        _asciiAnchors = SearchValues.Create([.. asciiAnchors], StringComparison.OrdinalIgnoreCase);
        List<(int, int)>[] byAnchor = [.. asciiAnchors.Select(_ => new List<(int, int)>())];
        Dictionary<char, List<(int, int)>> byChar = [];
        for (int i = 0; i < _words.Length; i++)
        {
            string word = _words[i];
            int offset = RarestLetter(word);
            if (offset >= 0)
            {
                foreach (char variant in new[] { char.ToLowerInvariant(word[offset]), char.ToUpperInvariant(word[offset]) }.Distinct())
                {
                    if (!byChar.TryGetValue(variant, out List<(int, int)>? list))
                    {
                        byChar[variant] = list = [];
                    }

                    list.Add((i, offset));
                    _isCharAnchor[variant] = true;
                }

                continue;
            }

            int anchor = -1;
            for (int a = 0; a < asciiAnchors.Count && anchor < 0; a++)
            {
                int at = word.IndexOf(asciiAnchors[a], StringComparison.OrdinalIgnoreCase);
                if (at >= 0)
                {
                    anchor = a;
                    byAnchor[a].Add((i, at));
                }
            }

            if (anchor < 0)
            {
                throw new ArgumentException($"The word \"{word}\" holds none of the anchors.", nameof(words));
            }
        }

        _byAsciiAnchor = [.. asciiAnchors.Select((anchor, a) => (anchor, byAnchor[a].ToArray()))];
        foreach ((char c, List<(int, int)> list) in byChar)
        {
            _byCharAnchor[c] = [.. list];
        }
    }

    // Letters that fill most of Russian text, most frequent first: a word is found through its letter that is not ASCII and
    // comes last here or not at all ("ф" of "сид-фраза", "ь" of "пароль"), so that few places of a text stop the search.
    private const string CommonLetters = "оеаинтсрвлкмдпуяыьгзбчйх";

    private static int RarestLetter(string word)
    {
        int best = -1;
        int bestRank = -1;
        for (int i = 0; i < word.Length; i++)
        {
            char c = char.ToLowerInvariant(word[i]);
            if (c < 128)
            {
                continue;
            }

            int common = CommonLetters.IndexOf(c, StringComparison.Ordinal);
            int rank = common < 0 ? int.MaxValue : common;
            if (rank > bestRank)
            {
                (best, bestRank) = (i, rank);
            }
        }

        return best;
    }

    /// <summary>Calls <paramref name="found"/> with each place a word starts and the word, in no set order, until it returns
    /// true; returns whether it did, with that place and word.</summary>
    public bool Any<TState>(ReadOnlySpan<char> text, TState state, CueVisitor<TState> found, out int foundAt, out string foundWord)
    {
        ArgumentNullException.ThrowIfNull(found);
        foundAt = -1;
        foundWord = "";
        for (int position = 0; position < text.Length;)
        {
            int hit = text[position..].IndexOfAny(_asciiAnchors);
            if (hit < 0)
            {
                break;
            }

            int at = position + hit;
            foreach ((string anchor, (int Word, int Offset)[] words) in _byAsciiAnchor)
            {
                if (!text[at..].StartsWith(anchor, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach ((int word, int offset) in words)
                {
                    int start = at - offset;
                    if (start >= 0 && text[start..].StartsWith(_words[word], StringComparison.OrdinalIgnoreCase) && found(text, start, _words[word], state))
                    {
                        (foundAt, foundWord) = (start, _words[word]);
                        return true;
                    }
                }
            }

            position = at + 1;
        }

        // Words of other scripts: only the runs of characters that are not ASCII are read, one table look-up a character.
        for (int position = 0; position < text.Length;)
        {
            int skip = text[position..].IndexOfAnyExceptInRange('\0', '\u007F');
            if (skip < 0)
            {
                break;
            }

            int at = position + skip;
            for (; at < text.Length && text[at] >= 128; at++)
            {
                if (!_isCharAnchor[text[at]])
                {
                    continue;
                }

                foreach ((int word, int offset) in _byCharAnchor[text[at]])
                {
                    int start = at - offset;
                    if (start >= 0 && text[start..].StartsWith(_words[word], StringComparison.OrdinalIgnoreCase) && found(text, start, _words[word], state))
                    {
                        (foundAt, foundWord) = (start, _words[word]);
                        return true;
                    }
                }
            }

            position = at;
        }

        return false;
    }
}

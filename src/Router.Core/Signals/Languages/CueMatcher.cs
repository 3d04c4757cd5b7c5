namespace Router.Core.Signals.Languages;

/// <summary>Every language's cue stems compiled into three tries, and the entries they lead to: finds all cues of all
/// languages in one pass over a folded text.</summary>
/// <remarks>Stems of scripts with spaces are tried at word starts only; stems in Chinese or Japanese characters or Hangul
/// at every such character; infix stems (compound parts, <c>~</c>) at every letter, but only on request, once a
/// language that has them shows in the text, so that English text never pays for them.</remarks>
internal sealed class CueMatcher
{
    private readonly CueTrie _wordStarts;
    private readonly CueTrie _anywhere;
    private readonly CueTrie _infixes;
    private readonly CueKind[] _kinds;
    private readonly uint[] _languages;
    private readonly bool[] _whole;
    private readonly bool[] _needsEvidence;
    private readonly bool[] _exclusion;
    private readonly string[] _stems;
    private readonly HashSet<string>[] _falseFriends;

    /// <param name="tables">One table per language.</param>
    /// <param name="shared">Cues of every language (technology names, loanwords): they count for each language that shows
    /// in a text, and never on their own.</param>
    public CueMatcher(IReadOnlyList<LanguageCues> tables, LanguageCues? shared = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Count > 32)
        {
            throw new ArgumentException("At most 32 languages.", nameof(tables));
        }

        string[] codes = [.. tables.Select(t => t.Code)];
        _falseFriends = [.. tables.Select(t => new HashSet<string>(t.FalseFriends, StringComparer.OrdinalIgnoreCase))];
        Languages = codes;
        int chinese = Array.IndexOf(codes, "zh");
        int japanese = Array.IndexOf(codes, "ja");
        uint sharedHan = (chinese >= 0 ? 1u << chinese : 0) | (japanese >= 0 ? 1u << japanese : 0);
        ChineseBit = chinese >= 0 ? 1u << chinese : 0;
        JapaneseBit = japanese >= 0 ? 1u << japanese : 0;

        Dictionary<(string Stem, StemPlace Place, bool Whole, bool NeedsEvidence, bool Exclusion, uint Languages), int> index = [];
        List<CueKind> kinds = [];
        List<uint> languages = [];
        List<(string, int)> wordStarts = [];
        List<(string, int)> anywhere = [];
        List<(string, int)> infixes = [];
        List<string> stems = [];
        uint infixLanguages = 0;
        uint everyLanguage = tables.Count == 32 ? uint.MaxValue : (1u << tables.Count) - 1;
        for (int language = 0; language <= tables.Count; language++)
        {
            LanguageCues? table = language < tables.Count ? tables[language] : shared;
            foreach ((CueKind kind, IReadOnlyList<string> list) in table?.ByKind() ?? [])
            {
                foreach (string raw in list)
                {
                    Stem stem = Stem.Parse(raw);
                    uint bits = language < tables.Count ? 1u << language : everyLanguage;
                    if (language == tables.Count)
                    {
                        stem = stem with { NeedsEvidence = true };
                    }

                    if ((bits & sharedHan) != 0 && stem.IsHanOnly)
                    {
                        // Written the same in Chinese and Japanese: the script of the text tells which is meant.
                        bits = sharedHan;
                    }

                    var key = (stem.Text, stem.Place, stem.Whole, stem.NeedsEvidence, stem.Exclusion, bits);
                    if (index.TryGetValue(key, out int entry))
                    {
                        kinds[entry] |= kind;
                        continue;
                    }

                    entry = kinds.Count;
                    index.Add(key, entry);
                    kinds.Add(stem.Exclusion ? CueKind.None : kind);
                    languages.Add(bits);
                    stems.Add(raw);
                    (stem.Place switch
                    {
                        StemPlace.WordStart => wordStarts,
                        StemPlace.Anywhere => anywhere,
                        _ => infixes,
                    }).Add((stem.Text, entry));
                    if (stem.Place == StemPlace.Infix)
                    {
                        infixLanguages |= bits;
                    }
                }
            }
        }

        _kinds = [.. kinds];
        _languages = [.. languages];
        _stems = [.. stems];
        _whole = new bool[kinds.Count];
        _needsEvidence = new bool[kinds.Count];
        _exclusion = new bool[kinds.Count];
        foreach (var ((_, _, whole, needsEvidence, exclusion, _), entry) in index)
        {
            _whole[entry] = whole;
            _needsEvidence[entry] = needsEvidence;
            _exclusion[entry] = exclusion;
        }

        _wordStarts = new CueTrie(wordStarts);
        GateWords = [.. GateWordsOf(wordStarts)];
        _anywhere = new CueTrie(anywhere);
        _infixes = new CueTrie(infixes);
        InfixLanguages = infixLanguages;
    }

    /// <summary>The matcher over every language this project knows.</summary>
    public static CueMatcher Default { get; } = new(LanguageTables.All, SharedCues.Cues);

    /// <summary>Language codes; a language's bit in a mask is its index here.</summary>
    public IReadOnlyList<string> Languages { get; }

    public uint ChineseBit { get; }

    public uint JapaneseBit { get; }

    /// <summary>The one-word stems that show a language by themselves, where they are ASCII ("schreibe", "que"), with
    /// whether the word must be whole: an ASCII text none of whose words begins so holds no word of another language
    /// (but for a phrase without a single function word of its language), so the English path need not fold and search
    /// it.</summary>
    public IReadOnlyList<(string Word, bool Whole)> GateWords { get; }

    /// <summary>Languages that have infix stems.</summary>
    public uint InfixLanguages { get; }

    public CueKind KindsOf(int entry) => _kinds[entry];

    /// <summary>The words of a language (by index) that name no technology in its text (see
    /// <see cref="LanguageCues.FalseFriends"/>).</summary>
    public IReadOnlySet<string> FalseFriendsOf(int language) => _falseFriends[language];

    /// <summary>The languages a text's scripts show by themselves: Cyrillic Russian, Hangul Korean, kana Japanese, Chinese
    /// characters without kana Chinese.</summary>
    public uint LanguagesOfScripts(Scripts scripts)
    {
        uint languages = 0;
        if ((scripts & Scripts.Cyrillic) != 0)
        {
            languages |= BitOf("ru");
        }

        if ((scripts & Scripts.Hangul) != 0)
        {
            languages |= BitOf("ko");
        }

        if ((scripts & Scripts.Kana) != 0)
        {
            languages |= JapaneseBit;
        }
        else if ((scripts & Scripts.Han) != 0)
        {
            languages |= ChineseBit;
        }

        return languages;
    }

    private uint BitOf(string code)
    {
        for (int i = 0; i < Languages.Count; i++)
        {
            if (Languages[i] == code)
            {
                return 1u << i;
            }
        }

        return 0;
    }

    public uint LanguagesOf(int entry) => _languages[entry];

    public bool NeedsEvidence(int entry) => _needsEvidence[entry];

    /// <summary>How many entries (stems of a language, with their kinds) the matcher holds.</summary>
    public int EntryCount => _kinds.Length;

    /// <summary>The stem as written in its table (for tests and diagnostics).</summary>
    public string StemOf(int entry) => _stems[entry];

    private IEnumerable<(string Word, bool Whole)> GateWordsOf(List<(string Stem, int Entry)> wordStarts)
    {
        HashSet<(string, bool)> seen = [];
        foreach ((string stem, int entry) in wordStarts)
        {
            if (_needsEvidence[entry] || _exclusion[entry])
            {
                continue;
            }

            // Stems of one word only: a phrase ("zeige dass", "lanza un error") comes with function words of its
            // language, which are gate words themselves, where its own words may be English ("error", "code").
            if (stem.Contains(' ', StringComparison.Ordinal))
            {
                continue;
            }

            int wildcard = stem.IndexOf(CueTrie.Wildcard, StringComparison.Ordinal);
            string word = wildcard < 0 ? stem : stem[..wildcard];
            bool whole = wildcard < 0 && _whole[entry];
            if (word.Length > 0 && word.All(char.IsAsciiLetterOrDigit) && seen.Add((word, whole)))
            {
                yield return (word, whole);
            }
        }
    }

    /// <summary>Adds the word-start and anywhere cues of <paramref name="folded"/> to <paramref name="hits"/>, in order of start.</summary>
    public void FindCues(ReadOnlySpan<char> folded, List<CueHit> hits)
    {
        int from = hits.Count;
        List<CueHit>? exceptions = null;
        for (int i = 0; i < folded.Length; i++)
        {
            char c = folded[i];
            if (c == ' ')
            {
                continue;
            }

            if ((i == 0 || folded[i - 1] == ' ') && _wordStarts.MayStart(c))
            {
                WalkFrom(_wordStarts, folded, i, 0, i, hits, ref exceptions);
            }

            if (c >= '\u0080' && _anywhere.MayStart(c))
            {
                // Most characters begin no stem beyond themselves: take the first two steps here, and walk on only then.
                int node = _anywhere.Child(0, c);
                if (_anywhere.HasEntries(node))
                {
                    Report(_anywhere, node, folded, i, i + 1, hits, ref exceptions);
                }

                int next = i + 1 < folded.Length && _anywhere.WildChild(node) < 0 ? _anywhere.Child(node, folded[i + 1]) : 0;
                if (next > 0)
                {
                    if (_anywhere.HasEntries(next))
                    {
                        Report(_anywhere, next, folded, i, i + 2, hits, ref exceptions);
                    }

                    WalkFrom(_anywhere, folded, i, next, i + 2, hits, ref exceptions);
                }
                else if (next == 0)
                {
                    WalkFrom(_anywhere, folded, i, node, i + 1, hits, ref exceptions);
                }
            }
        }

        RemoveExcepted(hits, from, exceptions);
    }

    /// <summary>Adds the infix cues (parts of compounds) of <paramref name="folded"/> to <paramref name="hits"/>.</summary>
    public void FindInfixCues(ReadOnlySpan<char> folded, List<CueHit> hits)
    {
        int from = hits.Count;
        List<CueHit>? exceptions = null;
        for (int i = 0; i < folded.Length; i++)
        {
            if (folded[i] != ' ' && _infixes.MayStart(folded[i]))
            {
                WalkFrom(_infixes, folded, i, 0, i, hits, ref exceptions);
            }
        }

        RemoveExcepted(hits, from, exceptions);
    }

    /// <summary>Removes the hits (from <paramref name="from"/> on) that start inside an exception ("!bildung" voids
    /// "bild", "!计算机" the "计算" of "计算机", "!云计算" the "计算" of "云计算").</summary>
    private static void RemoveExcepted(List<CueHit> hits, int from, List<CueHit>? exceptions)
    {
        if (exceptions is null)
        {
            return;
        }

        int kept = from;
        for (int i = from; i < hits.Count; i++)
        {
            bool excepted = false;
            foreach (CueHit exception in exceptions)
            {
                excepted |= hits[i].Start >= exception.Start && hits[i].Start < exception.End;
            }

            if (!excepted)
            {
                hits[kept++] = hits[i];
            }
        }

        hits.RemoveRange(kept, hits.Count - kept);
    }

    /// <summary>Follows the text from <paramref name="node"/> at <paramref name="at"/>, adding a hit for every entry
    /// passed, and an exception for every exception entry.</summary>
    private void WalkFrom(CueTrie trie, ReadOnlySpan<char> text, int start, int node, int at, List<CueHit> hits, ref List<CueHit>? exceptions)
    {
        // Most words of a text begin no stem beyond their first two letters: look both up at once.
        if (node == 0 && at + 1 < text.Length && text[at] < 128 && text[at + 1] < 128 && text[at + 1] != ' ')
        {
            int first = trie.Child(0, text[at]);
            if (first < 0)
            {
                return;
            }

            if (trie.HasEntries(first) || trie.WildChild(first) >= 0)
            {
                // A stem one letter long, or "x*": the general walk.
                node = 0;
            }
            else
            {
                node = trie.Pair(text[at], text[at + 1]);
                if (node < 0)
                {
                    return;
                }

                at += 2;
                if (trie.HasEntries(node))
                {
                    Report(trie, node, text, start, at, hits, ref exceptions);
                }
            }
        }

        while (true)
        {
            int wild = trie.WildChild(node);
            if (wild >= 0)
            {
                int wordEnd = at;
                while (wordEnd < text.Length && text[wordEnd] != ' ')
                {
                    wordEnd++;
                }

                Report(trie, wild, text, start, wordEnd, hits, ref exceptions);
                WalkFrom(trie, text, start, wild, wordEnd, hits, ref exceptions);
            }

            if (at >= text.Length)
            {
                return;
            }

            node = trie.Child(node, text[at]);
            if (node < 0)
            {
                return;
            }

            at++;
            if (trie.HasEntries(node))
            {
                Report(trie, node, text, start, at, hits, ref exceptions);
            }
        }
    }

    private void Report(CueTrie trie, int node, ReadOnlySpan<char> text, int start, int end, List<CueHit> hits, ref List<CueHit>? exceptions)
    {
        foreach (int entry in trie.EntriesAt(node))
        {
            if (!_whole[entry] || end >= text.Length || text[end] == ' ')
            {
                if (_exclusion[entry])
                {
                    (exceptions ??= []).Add(new CueHit(start, end, entry));
                }
                else
                {
                    hits.Add(new CueHit(start, end, entry));
                }
            }
        }
    }
}

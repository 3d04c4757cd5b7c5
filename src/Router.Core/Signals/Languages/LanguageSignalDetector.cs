using System.Buffers;
using System.Collections.Concurrent;

namespace Router.Core.Signals.Languages;

/// <summary>Finds asks written in languages other than English: cue words of each language (verbs in their forms,
/// nouns, question words), combined as the English patterns combine them (a code verb with a code noun asks for code,
/// a design verb with a system noun asks for a system design, a proof verb alone asks for a proof). Every signal names
/// its language: "proof request (de)".</summary>
/// <remarks>Cues are taken only from the ask (the start and end of a prompt), and only where they show their language:
/// a stem that is also an English word counts only beside another word of its language, and words inside a short
/// quotation ("what does «beweisen» mean?") are being asked about, not used, so they are skipped. English text finds
/// no cue, adds no signal, and costs one pass over its words.</remarks>
internal static class LanguageSignalDetector
{
    /// <summary>Folded characters between the starts of two cues that make one phrase ("schreibe … eine … Funktion").</summary>
    private const int Near = 80;

    /// <summary>Folded characters between the starts of a qualifier and its noun ("todo este repositorio").</summary>
    private const int Close = 30;

    private const int MaxQuotes = 8;

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789０１２３４５６７８９");

    /// <summary>Whether the text holds a letter outside ASCII ("é", "ł", "д", "中"), beside which ASCII text of another
    /// language may hold cues that are not gate words (see <see cref="CueMatcher.GateWords"/>).</summary>
    public static bool HoldsLetterOutsideAscii(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReadOnlySpan<char> span = text;
        for (int at = span.IndexOfAnyExceptInRange('\0', '\u007F'); at >= 0; )
        {
            if (char.IsLetter(span[at]))
            {
                return true;
            }

            int next = span[(at + 1)..].IndexOfAnyExceptInRange('\0', '\u007F');
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }

    /// <summary>Adds the signals of the ask's language cues to <paramref name="signals"/>.</summary>
    /// <param name="ask">The ask (start and end of the prompt).</param>
    /// <param name="technologyNamed">Whether a technology was named (the English whole-word look-up).</param>
    /// <param name="identifiers">Identifiers counted in the text.</param>
    public static void Add(string ask, bool technologyNamed, int identifiers, List<ContentSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(ask);
        ArgumentNullException.ThrowIfNull(signals);
        int capacity = TextFolding.MaxFoldedLength(ask.Length);
        char[]? rented = null;
        Span<char> buffer = capacity <= 2048 ? stackalloc char[capacity] : (rented = ArrayPool<char>.Shared.Rent(capacity));
        try
        {
            Span<int> quotes = stackalloc int[MaxQuotes * 2];
            int length = TextFolding.Fold(ask, buffer, quotes, out int quoteCount, out Scripts scripts);
            ReadOnlySpan<char> folded = buffer[..length];
            CueScratch scratch = t_scratch ??= new CueScratch();
            List<CueHit> hits = scratch.Hits;
            hits.Clear();
            CueMatcher matcher = CueMatcher.Default;
            matcher.FindCues(folded, hits);
            if (hits.Count == 0)
            {
                return;
            }

            quotes = quotes[..(quoteCount * 2)];
            bool skipQuoted = quoteCount > 0 && HoldsWordsOutside(folded, quotes);
            if (skipQuoted)
            {
                RemoveQuoted(hits, quotes);
            }

            // Chinese and Japanese share their characters: kana tell Japanese. A script shows its language by itself.
            uint scriptLanguages = (scripts & Scripts.Kana) != 0 ? ~matcher.ChineseBit : ~matcher.JapaneseBit;
            uint evidence = Evidence(matcher, hits, scriptLanguages) | matcher.LanguagesOfScripts(scripts);
            if ((evidence & matcher.InfixLanguages) != 0)
            {
                int before = hits.Count;
                matcher.FindInfixCues(folded, hits);
                if (skipQuoted)
                {
                    RemoveQuoted(hits, quotes);
                }

                if (hits.Count != before)
                {
                    hits.Sort((a, b) => a.Start.CompareTo(b.Start));
                }
            }

            if (scratch.Languages.Length < hits.Count)
            {
                scratch.Languages = new uint[hits.Count * 2];
            }

            Span<uint> languagesOf = scratch.Languages.AsSpan(0, hits.Count);
            uint present = 0;
            for (int i = 0; i < hits.Count; i++)
            {
                uint languages = matcher.LanguagesOf(hits[i].Entry) & scriptLanguages;
                languagesOf[i] = matcher.NeedsEvidence(hits[i].Entry) ? languages & evidence : languages;
                present |= languagesOf[i];
            }

            if (present == 0)
            {
                return;
            }

            int numbers = CountNumbers(ask, enough: 2);
            AskFacts facts = new(technologyNamed, identifiers, Number: numbers >= 1, Quantities: numbers >= 2);
            List<FoundSignal> found = scratch.Found;
            found.Clear();
            for (int language = 0; language < matcher.Languages.Count; language++)
            {
                uint bit = 1u << language;
                if ((present & bit) != 0)
                {
                    // An English technology name that is a word of this language ("jest" in Polish) names nothing here.
                    IReadOnlySet<string> falseFriends = matcher.FalseFriendsOf(language);
                    AskFacts languageFacts = facts.TechnologyNamed && falseFriends.Count > 0 && !NamesTechnologyBesides(ask, falseFriends)
                        ? facts with { TechnologyNamed = false }
                        : facts;
                    AddLanguage(scratch.View.Reset(matcher, hits, languagesOf, bit), folded, matcher.Languages[language], languageFacts, signals, found);
                }
            }

            foreach (FoundSignal signal in found)
            {
                signals.Add(new ContentSignal(NameOf(signal.Label, signal.Language), signal.Class, signal.Weight));
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static readonly HashSet<string> TechnologyWords = new(ContentSignalDetector.TechnologyWords, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the text names a technology of the English look-up other than <paramref name="falseFriends"/>:
    /// a run of ASCII letters and digits (with the '#' and '+' after it) that is one, read as the English scanner reads it.</summary>
    private static bool NamesTechnologyBesides(string text, IReadOnlySet<string> falseFriends)
    {
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>> technologies = TechnologyWords.GetAlternateLookup<ReadOnlySpan<char>>();
        ReadOnlySpan<char> span = text;
        for (int i = 0; i < span.Length;)
        {
            if (!char.IsAsciiLetterOrDigit(span[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < span.Length && (char.IsAsciiLetterOrDigit(span[i]) || span[i] == '_'))
            {
                i++;
            }

            int end = i;
            while (end < span.Length && span[end] is '#' or '+')
            {
                end++;
            }

            for (int length = i - start; length <= end - start; length++)
            {
                ReadOnlySpan<char> word = span.Slice(start, length);
                if (technologies.TryGetValue(word, out string? technology) && !falseFriends.Contains(technology))
                {
                    return true;
                }
            }

            i = end;
        }

        return false;
    }

    // Lists and arrays one reading needs, kept per thread so that reading a text allocates nothing once they have grown.
    [ThreadStatic]
    private static CueScratch? t_scratch;

    /// <summary>Languages shown by a cue that needs no other evidence.</summary>
    private static uint Evidence(CueMatcher matcher, List<CueHit> hits, uint scriptLanguages)
    {
        uint evidence = 0;
        foreach (CueHit hit in hits)
        {
            if (!matcher.NeedsEvidence(hit.Entry))
            {
                evidence |= matcher.LanguagesOf(hit.Entry) & scriptLanguages;
            }
        }

        return evidence;
    }

    private static void AddLanguage(
        CueView view, ReadOnlySpan<char> folded, string code, in AskFacts facts, List<ContentSignal> english, List<FoundSignal> found)
    {
        CueKind kinds = view.Kinds;
        bool technology = facts.TechnologyNamed || (kinds & CueKind.Technology) != 0;
        bool codeNoun = (kinds & CueKind.CodeNoun) != 0;

        // "Translate …", "what does … mean": a lookup stays quick unless it is about code.
        if ((kinds & CueKind.Lookup) != 0 && !codeNoun && !technology)
        {
            return;
        }

        int evidence = view.Evidence;
        void Signal(string label, SignalClass signalClass, double weight) =>
            Merge(found, new FoundSignal(label, signalClass, weight, code, evidence));
        bool Has(CueKind kind) => (kinds & kind) != 0;
        bool HasEnglish(string name)
        {
            foreach (ContentSignal signal in english)
            {
                if (signal.Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        // Image
        if (Has(CueKind.ImageReference) || view.Near(CueKind.ImageNoun, CueKind.Deictic, Close))
        {
            Signal("refers to an image", SignalClass.Image, 2.0);
        }
        else if (Has(CueKind.ImageNoun))
        {
            Signal("mentions an image", SignalClass.Image, 1.0);
        }
        else if (view.Near(CueKind.DiagramNoun, CueKind.Deictic, Close))
        {
            Signal("mentions a chart or diagram", SignalClass.Image, 1.0);
        }

        // Reasoning
        if (Has(CueKind.ProofVerb))
        {
            Signal("proof request", SignalClass.Reasoning, 2.0);
        }

        if (Has(CueKind.DeriveVerb))
        {
            Signal("asks to derive", SignalClass.Reasoning, 1.0);
        }

        int mathTerms = view.Distinct(CueKind.MathTerm, enough: 2);
        if (mathTerms > 0)
        {
            Signal("math terms", SignalClass.Reasoning, mathTerms >= 2 ? 2.0 : facts.Number ? 1.5 : 1.0);
        }

        if (Has(CueKind.Probability))
        {
            Signal("probability", SignalClass.Reasoning, 2.0);
        }

        if (Has(CueKind.CountingQuestion))
        {
            Signal("counting problem", SignalClass.Reasoning, 2.0);
        }

        // "Complexity" alone may be a system's; beside an algorithm, a data structure, math or big-O it is an algorithm's.
        // "Why is this O(n log n)?", "how much does it cost, O(n) or O(n²)?": a question about an algorithm's cost, which the
        // English patterns weigh 3 when asked in English words.
        bool bigO = HasEnglish("complexity terms");
        bool aboutAlgorithms = codeNoun || mathTerms > 0 || bigO || Has(CueKind.ComputeQuestion);
        if (bigO && (kinds & (CueKind.WhyWord | CueKind.ComputeQuestion | CueKind.ComplexityNoun)) != 0)
        {
            Signal("algorithmic analysis", SignalClass.Reasoning, 3.0);
        }
        else if (Has(CueKind.Complexity) || (Has(CueKind.ComplexityNoun) && aboutAlgorithms))
        {
            Signal("algorithmic analysis", SignalClass.Reasoning, 2.0);
        }
        else if (Has(CueKind.ComplexityNoun))
        {
            Signal("complexity terms", SignalClass.Reasoning, 1.0);
        }

        int puzzleHints = view.Distinct(CueKind.PuzzleHint, enough: 2);
        if (Has(CueKind.LogicPuzzle) || puzzleHints >= 2)
        {
            Signal("logic puzzle", SignalClass.Reasoning, 2.0);
        }
        else if (puzzleHints == 1)
        {
            Signal("logic puzzle", SignalClass.Reasoning, 1.0);
        }

        if (Has(CueKind.SolveVerb))
        {
            Signal("asks to solve", SignalClass.Reasoning, facts.Quantities || mathTerms > 0 ? 2.0 : 1.0);
        }
        else if (Has(CueKind.ComputeQuestion) && facts.Quantities)
        {
            Signal("quantitative problem", SignalClass.Reasoning, 2.0);
        }

        if (Has(CueKind.ReasoningAsk))
        {
            Signal("asks for reasoning", SignalClass.Reasoning, 1.0);
        }

        // Code
        bool prose = Has(CueKind.TextNoun);
        if (Has(CueKind.CodeOnlyVerb)
            || view.Near(CueKind.FixVerb, CueKind.CodeNoun, Near)
            || (!prose && view.Near(CueKind.FixVerb, CueKind.BugNoun, Near)))
        {
            Signal("asks to fix or change code", SignalClass.Code, 2.5);
        }
        else if (view.Near(CueKind.CodeVerb | CueKind.ImplementVerb, CueKind.CodeNoun, Near))
        {
            Signal("asks for code", SignalClass.Code, 2.5);
        }
        else if (Has(CueKind.ImplementVerb))
        {
            Signal(technology ? "asks for code" : "asks to implement", SignalClass.Code, technology ? 2.0 : 1.0);
        }
        else if (technology && !prose && (kinds & (CueKind.CodeVerb | CueKind.FixVerb)) != 0)
        {
            Signal("asks for code", SignalClass.Code, 1.0);
        }
        else if (codeNoun && technology)
        {
            Signal("code question about a technology", SignalClass.Code, 1.0);
        }
        else if (view.Near(CueKind.CodeNoun, CueKind.Deictic, Close))
        {
            Signal("refers to code", SignalClass.Code, 1.0);
        }

        if (Has(CueKind.ProblemReport))
        {
            Signal("problem report", SignalClass.Code, 1.0);
        }

        if (!facts.TechnologyNamed && Has(CueKind.Technology))
        {
            Signal("technology named", SignalClass.Code, 0.5);
        }

        if (Has(CueKind.HowWord) && (technology || facts.Identifiers > 0) && !HasEnglish("how-to about technology"))
        {
            Signal("how-to about technology", SignalClass.Code, 1.0);
        }

        // Wide scope
        int architectureTerms = view.Distinct(CueKind.ArchitectureTerm, enough: 2);
        bool architecture = architectureTerms > 0 || HasEnglish("architecture terms") || Has(CueKind.SystemNoun);
        if (view.Near(CueKind.DesignVerb, CueKind.SystemNoun, Near))
        {
            Signal("system design", SignalClass.Wide, 2.5);
        }
        else if (Has(CueKind.Roadmap)
            || view.Near(CueKind.MigrationWord | CueKind.DesignVerb | CueKind.ChooseWord, CueKind.PlanNoun, Near)
            || view.Near(CueKind.HowWord, CueKind.StructureVerb, Near)
            || (Has(CueKind.ChooseWord) && architecture))
        {
            Signal("design question", SignalClass.Wide, 2.0);
        }

        if (architectureTerms > 0)
        {
            Signal("architecture terms", SignalClass.Wide, architectureTerms >= 2 ? 2.0 : 1.0);
        }

        if (view.Near(CueKind.AllWord, CueKind.CodebaseNoun, Close) || view.Near(CueKind.CodebaseNoun, CueKind.StructureNoun, Close))
        {
            Signal("whole-codebase question", SignalClass.Wide, 2.0);
        }

        if (view.Near(CueKind.AllWord | CueKind.EachWord, CueKind.PartsNoun, Close) || view.AfterNumber(CueKind.PartsNoun, folded))
        {
            Signal("spans many parts", SignalClass.Wide, 1.5);
        }
        else if (view.Near(CueKind.Deictic, CueKind.PartsNoun, Close))
        {
            Signal("refers to several parts", SignalClass.Wide, 1.0);
        }
    }

    /// <summary>The architecture-level wording of a refactor instruction in another language ("auf eine
    /// ereignisgesteuerte Architektur umbauen", "quebrar esse monolito em serviços"), or null.</summary>
    public static ContentSignal? FindArchitectureChange(string instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        List<ContentSignal> signals = [];
        Add(instruction, technologyNamed: false, identifiers: 0, signals);
        foreach (ContentSignal signal in signals)
        {
            if (signal.Class == SignalClass.Wide && !signal.Name.StartsWith("refers to several parts", StringComparison.Ordinal))
            {
                int language = signal.Name.LastIndexOf(" (", StringComparison.Ordinal);
                return new ContentSignal($"architecture-level change{signal.Name[language..]}", SignalClass.Wide, 2.5);
            }
        }

        return null;
    }

    /// <summary>Keeps one signal per label and class: where two languages find the same, the stronger, or the one of the
    /// language with more cues.</summary>
    private static void Merge(List<FoundSignal> found, FoundSignal signal)
    {
        for (int i = 0; i < found.Count; i++)
        {
            FoundSignal other = found[i];
            if (other.Class == signal.Class && string.Equals(other.Label, signal.Label, StringComparison.Ordinal))
            {
                if (signal.Weight > other.Weight || (signal.Weight == other.Weight && signal.Evidence > other.Evidence))
                {
                    found[i] = signal;
                }

                return;
            }
        }

        found.Add(signal);
    }

    // "proof request (de)": built once per label and language.
    private static readonly ConcurrentDictionary<(string Label, string Language), string> Names = new();

    private static string NameOf(string label, string language) =>
        Names.GetOrAdd((label, language), static key => $"{key.Label} ({key.Language})");

    private static void RemoveQuoted(List<CueHit> hits, ReadOnlySpan<int> quotes)
    {
        int kept = 0;
        for (int i = 0; i < hits.Count; i++)
        {
            if (!InQuotes(hits[i].Start, quotes))
            {
                hits[kept++] = hits[i];
            }
        }

        hits.RemoveRange(kept, hits.Count - kept);
    }

    private static bool InQuotes(int position, ReadOnlySpan<int> quotes)
    {
        for (int i = 0; i < quotes.Length; i += 2)
        {
            if (position >= quotes[i] && position < quotes[i + 1])
            {
                return true;
            }
        }

        return false;
    }

    private static bool HoldsWordsOutside(ReadOnlySpan<char> folded, ReadOnlySpan<int> quotes)
    {
        for (int i = 0; i < folded.Length; i++)
        {
            if (folded[i] != ' ' && !InQuotes(i, quotes))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Numbers in the text: runs of digits that do not continue a Latin word ("x2", "v1.2" hold none), counted
    /// up to <paramref name="enough"/>; unlike <c>\b\d</c>, a number right after a Chinese character counts ("有10个").
    /// A card or phone number (nine digits or more, alone or in groups joined by a space, '-' or '.') is a number
    /// of nothing: it counts as none.</summary>
    private static int CountNumbers(ReadOnlySpan<char> text, int enough)
    {
        int count = 0;
        for (int i = text.IndexOfAny(Digits); i >= 0 && count < enough;)
        {
            int end = GroupEnd(text, i, out int digits);
            char before = i > 0 ? text[i - 1] : ' ';
            if (!char.IsAsciiLetter(before) && before is not ('_' or '.') && !Digits.Contains(before) && digits < 9)
            {
                count++;
            }

            int next = end < text.Length ? text[end..].IndexOfAny(Digits) : -1;
            i = next < 0 ? -1 : end + next;
        }

        return count;
    }

    /// <summary>The end of the run of digits at <paramref name="start"/>, and of the runs joined to it by one space, '-'
    /// or '.' ("4548 1302 6679 2155"), with how many digits they hold.</summary>
    private static int GroupEnd(ReadOnlySpan<char> text, int start, out int digits)
    {
        int at = start;
        digits = 0;
        while (true)
        {
            while (at < text.Length && Digits.Contains(text[at]))
            {
                at++;
                digits++;
            }

            if (at + 1 < text.Length && text[at] is ' ' or '-' or '.' && Digits.Contains(text[at + 1]))
            {
                at++;
                continue;
            }

            return at;
        }
    }
}

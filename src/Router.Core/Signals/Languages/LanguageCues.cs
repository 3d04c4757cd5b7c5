namespace Router.Core.Signals.Languages;

/// <summary>How one language asks for each kind of work: the stems of its cue words, by kind.</summary>
/// <remarks>
/// A stem is written as users write it (accents and capitals are folded away when the table is compiled, so "función"
/// also finds "funcion"). By default a stem in a script with spaces matches at the start of a word ("beweis" finds
/// "Beweise", "beweisen"), and one in Chinese or Japanese characters or Hangul matches anywhere. Marks:
/// a trailing <c>|</c> wants the whole word ("bild|" is not "bilden");
/// <c>*</c> inside stands for the rest of a word ("временн* сложност" finds "временную сложность");
/// a leading <c>~</c> matches inside words too, for compounds ("~funktion" finds "Hilfsfunktion"), and is looked for
/// only when the language already shows;
/// a leading <c>^</c> makes a Hangul or CJK stem match only at a word start;
/// a leading <c>?</c> counts only when the language also shows in another word (the stem is an English word too);
/// a leading <c>!</c> is an exception: a word it matches yields no cue from the same start ("!bildung").
/// </remarks>
internal sealed record LanguageCues(string Code)
{
    public IReadOnlyList<string> Evidence { get; init; } = [];

    public IReadOnlyList<string> ProofVerbs { get; init; } = [];

    public IReadOnlyList<string> DeriveVerbs { get; init; } = [];

    public IReadOnlyList<string> SolveVerbs { get; init; } = [];

    public IReadOnlyList<string> ComputeQuestions { get; init; } = [];

    public IReadOnlyList<string> CountingQuestions { get; init; } = [];

    public IReadOnlyList<string> MathTerms { get; init; } = [];

    public IReadOnlyList<string> ProbabilityTerms { get; init; } = [];

    public IReadOnlyList<string> ComplexityTerms { get; init; } = [];

    public IReadOnlyList<string> LogicPuzzles { get; init; } = [];

    public IReadOnlyList<string> ReasoningAsks { get; init; } = [];

    public IReadOnlyList<string> CodeVerbs { get; init; } = [];

    public IReadOnlyList<string> ImplementVerbs { get; init; } = [];

    public IReadOnlyList<string> FixVerbs { get; init; } = [];

    public IReadOnlyList<string> CodeOnlyVerbs { get; init; } = [];

    public IReadOnlyList<string> CodeNouns { get; init; } = [];

    public IReadOnlyList<string> BugNouns { get; init; } = [];

    public IReadOnlyList<string> TextNouns { get; init; } = [];

    public IReadOnlyList<string> ProblemReports { get; init; } = [];

    public IReadOnlyList<string> HowWords { get; init; } = [];

    public IReadOnlyList<string> Technologies { get; init; } = [];

    public IReadOnlyList<string> Lookups { get; init; } = [];

    public IReadOnlyList<string> DesignVerbs { get; init; } = [];

    public IReadOnlyList<string> SystemNouns { get; init; } = [];

    public IReadOnlyList<string> ArchitectureTerms { get; init; } = [];

    public IReadOnlyList<string> AllWords { get; init; } = [];

    public IReadOnlyList<string> EachWords { get; init; } = [];

    public IReadOnlyList<string> CodebaseNouns { get; init; } = [];

    public IReadOnlyList<string> StructureNouns { get; init; } = [];

    public IReadOnlyList<string> PartsNouns { get; init; } = [];

    public IReadOnlyList<string> ImageReferences { get; init; } = [];

    public IReadOnlyList<string> ImageNouns { get; init; } = [];

    public IReadOnlyList<string> DiagramNouns { get; init; } = [];

    public IReadOnlyList<string> Deictics { get; init; } = [];

    public IReadOnlyList<string> PuzzleHints { get; init; } = [];

    public IReadOnlyList<string> ComplexityNouns { get; init; } = [];

    public IReadOnlyList<string> MigrationWords { get; init; } = [];

    public IReadOnlyList<string> PlanNouns { get; init; } = [];

    public IReadOnlyList<string> Roadmaps { get; init; } = [];

    public IReadOnlyList<string> ChooseWords { get; init; } = [];

    public IReadOnlyList<string> WhyWords { get; init; } = [];

    public IReadOnlyList<string> StructureVerbs { get; init; } = [];

    /// <summary>Words of the language that are also technology names in the English look-up ("jest" is Polish for
    /// "is"): in this language's text they name no technology.</summary>
    public IReadOnlyList<string> FalseFriends { get; init; } = [];

    /// <summary>Every list with the kind it stands for.</summary>
    public IEnumerable<(CueKind Kind, IReadOnlyList<string> Stems)> ByKind()
    {
        yield return (CueKind.Evidence, Evidence);
        yield return (CueKind.ProofVerb, ProofVerbs);
        yield return (CueKind.DeriveVerb, DeriveVerbs);
        yield return (CueKind.SolveVerb, SolveVerbs);
        yield return (CueKind.ComputeQuestion, ComputeQuestions);
        yield return (CueKind.CountingQuestion, CountingQuestions);
        yield return (CueKind.MathTerm, MathTerms);
        yield return (CueKind.Probability, ProbabilityTerms);
        yield return (CueKind.Complexity, ComplexityTerms);
        yield return (CueKind.LogicPuzzle, LogicPuzzles);
        yield return (CueKind.ReasoningAsk, ReasoningAsks);
        yield return (CueKind.CodeVerb, CodeVerbs);
        yield return (CueKind.ImplementVerb, ImplementVerbs);
        yield return (CueKind.FixVerb, FixVerbs);
        yield return (CueKind.CodeOnlyVerb, CodeOnlyVerbs);
        yield return (CueKind.CodeNoun, CodeNouns);
        yield return (CueKind.BugNoun, BugNouns);
        yield return (CueKind.TextNoun, TextNouns);
        yield return (CueKind.ProblemReport, ProblemReports);
        yield return (CueKind.HowWord, HowWords);
        yield return (CueKind.Technology, Technologies);
        yield return (CueKind.Lookup, Lookups);
        yield return (CueKind.DesignVerb, DesignVerbs);
        yield return (CueKind.SystemNoun, SystemNouns);
        yield return (CueKind.ArchitectureTerm, ArchitectureTerms);
        yield return (CueKind.AllWord, AllWords);
        yield return (CueKind.EachWord, EachWords);
        yield return (CueKind.CodebaseNoun, CodebaseNouns);
        yield return (CueKind.StructureNoun, StructureNouns);
        yield return (CueKind.PartsNoun, PartsNouns);
        yield return (CueKind.ImageReference, ImageReferences);
        yield return (CueKind.ImageNoun, ImageNouns);
        yield return (CueKind.DiagramNoun, DiagramNouns);
        yield return (CueKind.Deictic, Deictics);
        yield return (CueKind.PuzzleHint, PuzzleHints);
        yield return (CueKind.ComplexityNoun, ComplexityNouns);
        yield return (CueKind.MigrationWord, MigrationWords);
        yield return (CueKind.PlanNoun, PlanNouns);
        yield return (CueKind.Roadmap, Roadmaps);
        yield return (CueKind.ChooseWord, ChooseWords);
        yield return (CueKind.WhyWord, WhyWords);
        yield return (CueKind.StructureVerb, StructureVerbs);
    }
}

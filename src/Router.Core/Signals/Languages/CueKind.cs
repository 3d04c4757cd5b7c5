namespace Router.Core.Signals.Languages;

/// <summary>What a word of a language is a cue for; one stem may be several at once ("architecture" is both the thing a
/// design verb builds and an architecture term).</summary>
[Flags]
internal enum CueKind : ulong
{
    None = 0,

    /// <summary>A function word ("der", "que", "и"): shows the language, decides nothing.</summary>
    Evidence = 1UL << 0,

    /// <summary>"prove", "show that": a proof request on its own.</summary>
    ProofVerb = 1UL << 1,

    /// <summary>"derive": a weak reasoning hint.</summary>
    DeriveVerb = 1UL << 2,

    /// <summary>"solve", "calculate": reasoning with numbers or a math term.</summary>
    SolveVerb = 1UL << 3,

    /// <summary>"how many", "how long": reasoning with two numbers or more.</summary>
    ComputeQuestion = 1UL << 4,

    /// <summary>"in how many ways": a counting problem on its own.</summary>
    CountingQuestion = 1UL << 5,

    /// <summary>"prime number", "theorem", "integer": counted distinct, like the English math terms.</summary>
    MathTerm = 1UL << 6,

    /// <summary>"probability", "expected value", "dice".</summary>
    Probability = 1UL << 7,

    /// <summary>"time complexity", "asymptotic".</summary>
    Complexity = 1UL << 8,

    /// <summary>"riddle", "always lies", "syllogism".</summary>
    LogicPuzzle = 1UL << 9,

    /// <summary>"step by step", "show your reasoning": a weak reasoning hint.</summary>
    ReasoningAsk = 1UL << 10,

    /// <summary>"write", "create", "generate": code when a code noun is near.</summary>
    CodeVerb = 1UL << 11,

    /// <summary>"implement": code with a code noun or a technology, a weak hint alone.</summary>
    ImplementVerb = 1UL << 12,

    /// <summary>"fix", "correct": code with a code noun, or with a bug when no prose is being corrected.</summary>
    FixVerb = 1UL << 13,

    /// <summary>"debug", "refactor": verbs only code takes.</summary>
    CodeOnlyVerb = 1UL << 14,

    /// <summary>"function", "class", "query", "script".</summary>
    CodeNoun = 1UL << 15,

    /// <summary>"bug", "error", "exception".</summary>
    BugNoun = 1UL << 16,

    /// <summary>"sentence", "letter", "essay": what is being written or fixed is prose.</summary>
    TextNoun = 1UL << 17,

    /// <summary>"doesn't work", "crashes": a weak code hint, as in English.</summary>
    ProblemReport = 1UL << 18,

    /// <summary>"how do I": with a named technology or an identifier, a how-to about technology.</summary>
    HowWord = 1UL << 19,

    /// <summary>A technology written in the language's own script ("파이썬", "питон").</summary>
    Technology = 1UL << 20,

    /// <summary>"translate", "what does … mean", "synonym": a lookup, which stays quick.</summary>
    Lookup = 1UL << 21,

    /// <summary>"design", "architect": wide scope with a system noun near.</summary>
    DesignVerb = 1UL << 22,

    /// <summary>"system", "platform", "architecture": what a design verb builds.</summary>
    SystemNoun = 1UL << 23,

    /// <summary>"scalability", "microservices", "high availability": counted distinct.</summary>
    ArchitectureTerm = 1UL << 24,

    /// <summary>"whole", "entire": with a repository, a whole-codebase question.</summary>
    AllWord = 1UL << 25,

    /// <summary>"repository", "codebase", "project".</summary>
    CodebaseNoun = 1UL << 26,

    /// <summary>"structure", "overview".</summary>
    StructureNoun = 1UL << 27,

    /// <summary>"services", "modules", "teams": many parts.</summary>
    PartsNoun = 1UL << 28,

    /// <summary>"screenshot", "in the picture": refers to an image on its own.</summary>
    ImageReference = 1UL << 29,

    /// <summary>"image", "photo": an image request with a deictic or attachment word near.</summary>
    ImageNoun = 1UL << 30,

    /// <summary>"diagram", "chart", "sketch".</summary>
    DiagramNoun = 1UL << 31,

    /// <summary>"this", "attached", "on the": points at a thing the user has.</summary>
    Deictic = 1UL << 32,

    /// <summary>"all", "each", "every": with plural parts ("all services"), work that spans many parts.</summary>
    EachWord = 1UL << 33,

    /// <summary>"hourglass", "balance scale", "prisoners", "who does what": two make a logic puzzle.</summary>
    PuzzleHint = 1UL << 34,

    /// <summary>"complexity" alone: algorithmic analysis beside an algorithm, a data structure, math or big-O notation.</summary>
    ComplexityNoun = 1UL << 35,

    /// <summary>"migrate", "move to": with a plan noun, a design question.</summary>
    MigrationWord = 1UL << 36,

    /// <summary>"plan", "steps", "strategy", "risks": what a migration or a choice is asked for.</summary>
    PlanNoun = 1UL << 37,

    /// <summary>"roadmap": a plan of work across a system on its own.</summary>
    Roadmap = 1UL << 38,

    /// <summary>"choose between", "decide how", "pros and cons": with an architecture term, a design question.</summary>
    ChooseWord = 1UL << 39,

    /// <summary>"why": with big-O notation, a question about an algorithm's cost.</summary>
    WhyWord = 1UL << 40,

    /// <summary>"structure", "organise", "split": with a how word, a design question ("how would you split …").</summary>
    StructureVerb = 1UL << 41,
}

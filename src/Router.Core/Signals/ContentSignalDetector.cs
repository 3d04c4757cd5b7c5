using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using Router.Core.Signals.Languages;

namespace Router.Core.Signals;

/// <summary>Finds weighted content signals (code, reasoning, wide scope, images, size) in a request's text and paths.</summary>
/// <remarks>
/// Each detector looks for a general trait (a stack trace, a proof request, a system-design ask), never for sample
/// phrases. Weights are set so that one strong trait decides a chat (>= 1.5) while a lone weak hint, such as naming a
/// programming language in a trivia question, does not. Only the first <see cref="ScanChars"/> characters are scanned:
/// the traits show early, and a large paste then costs no more than a 24 KB one.
/// </remarks>
public static partial class ContentSignalDetector
{
    /// <summary>Characters of text the pattern detectors look at.</summary>
    public const int ScanChars = 24 * 1024;

    /// <summary>Tokens from which a chat's text counts as a long document.</summary>
    public const int LongDocumentTokens = 2500;

    /// <summary>Lines from which a chat's text counts as a long document.</summary>
    public const int LongDocumentLines = 200;

    private const int MaxCodeLinesScanned = 400;

    /// <summary>Signals of a chat prompt (or any text), given its token count and the paths in scope.</summary>
    public static ContentAnalysis Analyze(string? text, string? file, IReadOnlyList<string> files, int textTokens)
    {
        ArgumentNullException.ThrowIfNull(files);
        List<ContentSignal> signals = [];
        string scanned = text is null ? "" : text.Length > ScanChars ? text[..ScanChars] : text;

        // Wording signals read the ask (start and end of the prompt); structural ones (traces, code lines) the whole scan.
        // Patterns that hold \b also read the ask with the Chinese, Japanese and Korean letters that touch Latin ones as
        // spaces, so that "证明n^2" and "ZeroDivisionError가" hold a word boundary as they would in English; for English
        // text the spaced ask is the ask itself.
        string ask = AskOf(text ?? "");
        string spacedAsk = UnspacedLetters.AsSpaces(ask);
        WordingScan words = Wording.Read(ask);
        AddImageSignals(scanned, words, file, files, signals);
        AddReasoningSignals(spacedAsk, words, signals);
        int identifiers = AddCodeSignals(scanned, ReferenceEquals(spacedAsk, ask) ? null : spacedAsk, ask, words, signals);
        AddWideSignals(text ?? "", ask, words, files, textTokens, signals);
        if (words.HasGateWord || LanguageSignalDetector.HoldsLetterOutsideAscii(ask))
        {
            LanguageSignalDetector.Add(ask, words.HasWholeWord, identifiers, signals);
        }
        return new ContentAnalysis(signals);
    }

    /// <summary>The architecture-level or multi-part wording of a refactor request ("hexagonal", "across every module"), or null.</summary>
    public static ContentSignal? FindArchitectureChange(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // Only the instruction matters, not the selected code's comments: read the prose lines of the first paragraph.
        System.Text.StringBuilder instruction = new();
        foreach (ReadOnlySpan<char> line in text.AsSpan(0, Math.Min(text.Length, ScanChars)).EnumerateLines())
        {
            if (line.IsWhiteSpace())
            {
                if (instruction.Length > 0)
                {
                    break;
                }

                continue;
            }

            ReadOnlySpan<char> trimmed = line.TrimStart();
            bool comment = trimmed.StartsWith("//") || trimmed.StartsWith("#") || trimmed.StartsWith("/*")
                || trimmed.StartsWith("*") || trimmed.StartsWith("--");
            if (CodeLine.IsCode(line) || comment)
            {
                break;
            }

            instruction.Append(line).Append('\n');
        }

        Match match = ArchitectureWording().Match(instruction.ToString());
        return match.Success
            ? new ContentSignal($"architecture-level change (\"{match.Value.Trim()}\")", SignalClass.Wide, 2.5)
            : LanguageSignalDetector.FindArchitectureChange(instruction.ToString());
    }

    private static void AddImageSignals(string text, WordingScan words, string? file, IReadOnlyList<string> files, List<ContentSignal> signals)
    {
        if (files.Any(IsImagePath) || IsImagePath(file))
        {
            signals.Add(new ContentSignal("image file in scope", SignalClass.Image, 3.0));
        }
        else if (ImagePathInText().IsMatch(text))
        {
            signals.Add(new ContentSignal("image file named", SignalClass.Image, 1.5));
        }

        if (words.IsMatch(ImageReference))
        {
            signals.Add(new ContentSignal("refers to an image", SignalClass.Image, 2.0));
        }
        else if (words.IsMatch(PictureNoun))
        {
            signals.Add(new ContentSignal("mentions a chart or diagram", SignalClass.Image, 1.0));
        }
    }

    private static bool IsImagePath(string? path) => path is not null && ImageExtension().IsMatch(path);

    private static void AddReasoningSignals(string text, WordingScan words, List<ContentSignal> signals)
    {
        if (words.IsMatch(ProofRequest))
        {
            signals.Add(new ContentSignal("proof", SignalClass.Reasoning, 2.0));
        }

        int mathTerms = words.CountDistinct(MathVocabulary, enough: 3);
        if (mathTerms > 0)
        {
            // One term with a number ("is 1001 prime?") is a math question; one term alone may be a figure of speech.
            bool withNumber = mathTerms == 1 && Quantity().IsMatch(text);
            signals.Add(new ContentSignal("math terms", SignalClass.Reasoning, mathTerms >= 2 ? 2.0 : withNumber ? 1.5 : 1.0));
        }

        if ((text.AsSpan().ContainsAny(MathSymbolChars) && MathSymbolsDfa.IsMatch(text)) || (text.Contains('=', StringComparison.Ordinal) && MathEquation().IsMatch(text)))
        {
            signals.Add(new ContentSignal("math expression", SignalClass.Reasoning, 1.0));
        }

        if (words.IsMatch(Probability))
        {
            signals.Add(new ContentSignal("probability", SignalClass.Reasoning, 2.0));
        }

        if (words.IsMatch(ComplexityQuestion))
        {
            signals.Add(new ContentSignal("algorithmic analysis", SignalClass.Reasoning, 3.0));
        }
        else if (words.IsMatch(ComplexityTerm) || (text.Contains("o(", StringComparison.OrdinalIgnoreCase) && BigONotation().IsMatch(text)))
        {
            signals.Add(new ContentSignal("complexity terms", SignalClass.Reasoning, 1.0));
        }

        if (words.IsMatch(LogicPuzzle))
        {
            signals.Add(new ContentSignal("logic puzzle", SignalClass.Reasoning, 2.0));
        }

        if (CountQuantities(text, enough: 2) >= 2 && words.IsMatch(ComputeQuestion))
        {
            signals.Add(new ContentSignal("quantitative problem", SignalClass.Reasoning, 2.0));
        }
    }

    // What the user asks lives at the start or the end of a prompt; a pasted document's own imperatives
    // ("add comments", "use models") must not read as a request for code.
    private static string AskOf(string text) =>
        text.Length <= AskHeadChars + AskTailChars ? text : string.Concat(text.AsSpan(0, AskHeadChars), "\n", text.AsSpan(text.Length - AskTailChars));

    private const int AskHeadChars = 600;
    private const int AskTailChars = 400;

    /// <returns>The identifiers counted.</returns>
    /// <param name="spacedAsk">The ask with unspaced letters next to Latin ones as spaces, when it differs from the ask.</param>
    private static int AddCodeSignals(string text, string? spacedAsk, string ask, WordingScan words, List<ContentSignal> signals)
    {
        if (HoldsFence(text))
        {
            signals.Add(new ContentSignal("code block", SignalClass.Code, 2.0));
        }

        if (MatchesAround(StackTraceDfa, text, StackTraceHits(text))
            || (spacedAsk is not null && MatchesAround(StackTraceDfa, spacedAsk, StackTraceHits(spacedAsk))))
        {
            signals.Add(new ContentSignal("stack trace", SignalClass.Code, 2.5));
        }

        if (MatchesAround(ErrorMessageDfa, text, ErrorMessageHits(text))
            || (spacedAsk is not null && MatchesAround(ErrorMessageDfa, spacedAsk, ErrorMessageHits(spacedAsk))))
        {
            signals.Add(new ContentSignal("error message", SignalClass.Code, 1.5));
        }

        int codeLines = CountCodeLines(text, enough: 2);
        if (codeLines >= 2)
        {
            signals.Add(new ContentSignal("code snippet", SignalClass.Code, 2.0));
        }
        else if (codeLines == 1)
        {
            signals.Add(new ContentSignal("code line", SignalClass.Code, 1.0));
        }

        if (InlineCode().IsMatch(text))
        {
            signals.Add(new ContentSignal("inline code", SignalClass.Code, 1.0));
        }

        int identifiers = IdentifierCounter.Count(text);
        if (spacedAsk is not null && identifiers < IdentifierCounter.MaxCounted)
        {
            identifiers = Math.Max(identifiers, IdentifierCounter.Count(spacedAsk));
        }
        if (identifiers > 0)
        {
            signals.Add(new ContentSignal("identifiers", SignalClass.Code, identifiers >= IdentifierCounter.MaxCounted ? 1.5 : 0.75));
        }

        if (words.IsMatch(CodeRequest))
        {
            signals.Add(new ContentSignal("asks for code", SignalClass.Code, 2.5));
        }
        else if (words.IsMatch(CodeNounRequest))
        {
            signals.Add(new ContentSignal("asks for code", SignalClass.Code, 2.5));
        }
        else if (CodeVerbOnThisGuarded.IsMatch(ask))
        {
            signals.Add(new ContentSignal("asks to fix or change code", SignalClass.Code, 2.5));
        }

        if (words.IsMatch(ProblemReport))
        {
            signals.Add(new ContentSignal("problem report", SignalClass.Code, 1.0));
        }

        if (words.IsMatch(CodeReference))
        {
            signals.Add(new ContentSignal("refers to code", SignalClass.Code, 1.0));
        }

        bool technology = words.HasWholeWord;
        if (technology)
        {
            signals.Add(new ContentSignal("technology named", SignalClass.Code, 0.5));
        }

        // "How do I center a div with flexbox?": a how-to about a named technology or identifier is a code question.
        if ((technology || identifiers > 0) && HowToQuestion().IsMatch(ask))
        {
            signals.Add(new ContentSignal("how-to about technology", SignalClass.Code, 1.0));
        }

        return identifiers;
    }

    private static void AddWideSignals(string fullText, string text, WordingScan words, IReadOnlyList<string> files, int textTokens, List<ContentSignal> signals)
    {
        int lines = CountLines(fullText);
        if (textTokens >= LongDocumentTokens || lines >= LongDocumentLines)
        {
            signals.Add(new ContentSignal(
                string.Create(CultureInfo.InvariantCulture, $"long document ({textTokens} tokens, {lines} lines)"), SignalClass.Wide, 3.5));
        }

        if (words.IsMatch(SystemDesign))
        {
            signals.Add(new ContentSignal("system design", SignalClass.Wide, 2.5));
        }
        else if (words.IsMatch(DesignQuestion))
        {
            signals.Add(new ContentSignal("design question", SignalClass.Wide, 2.0));
        }

        int terms = words.CountDistinct(ArchitectureTerm, enough: 3);
        if (terms > 0)
        {
            signals.Add(new ContentSignal("architecture terms", SignalClass.Wide, terms >= 2 ? 2.0 : 1.0));
        }

        if (words.IsMatch(WholeCodebase))
        {
            signals.Add(new ContentSignal("whole-codebase question", SignalClass.Wide, 2.0));
        }
        else if (words.IsMatch(SpansManyParts))
        {
            signals.Add(new ContentSignal("spans many parts", SignalClass.Wide, 1.5));
        }

        int distinctFiles = files.Count < 3 ? files.Count : files.Distinct(StringComparer.Ordinal).Count();
        if (distinctFiles >= 3)
        {
            signals.Add(new ContentSignal(string.Create(CultureInfo.InvariantCulture, $"{distinctFiles} files in scope"), SignalClass.Wide, 1.0));
        }
    }

    // Names of languages, tools and protocols, looked up whole while the ask's words are read (see WordingScanner).
    internal static readonly string[] TechnologyWords =
    [
        "python", "javascript", "typescript", "java", "kotlin", "swift", "rust", "golang", "c#", "c++", "ruby", "php", "perl",
        "scala", "haskell", "elixir", "erlang", "clojure", "lua", "bash", "powershell", "sql", "postgres", "postgresql", "mysql",
        "sqlite", "mongodb", "redis", "kafka", "docker", "kubernetes", "k8s", "helm", "terraform", "ansible", "nginx", "npm",
        "yarn", "pnpm", "pip", "cargo", "gradle", "maven", "dotnet", "nuget", "webpack", "vite", "jest", "pytest", "junit",
        "xunit", "react", "vue", "angular", "django", "flask", "fastapi", "express", "nodejs", "js", "git", "tsconfig", "linq",
        "graphql", "grpc", "regex", "json", "yaml", "html", "css", "webassembly", "wasm", "div", "flexbox", "kubectl", "pod",
        "pods", "dockerfile", "systemd", "cmake", "makefile", "llvm", "gcc", "clang", "jvm", "jdk", "venv", "conda", "numpy",
        "pandas", "pytorch", "tensorflow", "spark", "airflow", "celery", "rabbitmq", "elasticsearch", "s3", "lambda", "ec2",
        "iam", "oauth", "jwt", "cors", "websocket", "websockets", "tcp", "dns", "tls", "ssl", "http", "https", "sdk", "ide",
        "vscode", "neovim", "vim", "emacs", "lsp", "compiler", "linter", "debugger", "repl",
    ];


    // Literals every match of the stack-trace pattern holds, but for its "at" frames and its "0x" addresses (see
    // StackTraceHits), and of the error-message pattern, but for its E-codes. Both patterns are case-sensitive, so every
    // match holds one of these as written: the patterns need only run in the lines around them. Every literal has three characters or more: a set with a two-character one is
    // searched by pairs of characters, which prose fills with false hits, at several times the cost.
    private static readonly SearchValues<string> StackTraceLiterals = SearchValues.Create(
        ["Traceback (most recent call last)", "\", line ", "goroutine ", "panic: ", "panicked at", "Exception in thread \"", "Caused by: "],
        StringComparison.Ordinal);

    // Every error-message alternative holds one of these as written, but for its E-codes (ENOENT, E0308), found by
    // ErrorMessageHits: "rror" stands for Error, error and SyntaxError; "ointer" for [Nn]ull ?[Pp]ointer. Three small
    // sets, since one large set is searched several times slower than three small ones.
    private static readonly SearchValues<string>[] ErrorMessageLiterals =
    [
        SearchValues.Create(["Exception", "rror", "failed", "fatal", "denied", "refused", "found", "Found", "invalid", "find module"], StringComparison.Ordinal),
        SearchValues.Create(["egmentation", "dumped", "defined", "attribute", "resolved", "a function", "ointer", "exit ", "many arguments", "expected token"], StringComparison.Ordinal),
        SearchValues.Create(["such file", "read propert", "FATAL", "panic", "import name", "SIG", "BackOff", "OOMKilled", "CONFLICT"], StringComparison.Ordinal),
    ];

    /// <summary>Where an error-message match may be: at its literals, and at codes such as <c>ENOENT</c> or <c>E0308</c>
    /// (an E before a capital or a digit; <c>\d</c> is any Unicode digit).</summary>
    private static List<int>? ErrorMessageHits(string text)
    {
        List<int>? hits = null;
        foreach (SearchValues<string> literals in ErrorMessageLiterals)
        {
            hits = LiteralHits(text, literals, hits);
        }

        for (int at = text.IndexOf('E', StringComparison.Ordinal); at >= 0 && at + 1 < text.Length; at = text.IndexOf('E', at + 1))
        {
            if (char.IsAsciiLetterUpper(text[at + 1]) || char.IsDigit(text[at + 1]))
            {
                (hits ??= []).Add(at);
            }
        }

        return hits;
    }

    /// <summary>Where a stack-trace frame may be: at its literals, at "0x", and at each "at " whose run of whitespace before
    /// it starts the text or holds a line break (the <c>^\s+at </c> frames).</summary>
    private static List<int>? StackTraceHits(string text)
    {
        List<int>? hits = LiteralHits(text, StackTraceLiterals, null);
        for (int at = text.IndexOf("0x", StringComparison.Ordinal); at >= 0; at = text.IndexOf("0x", at + 1, StringComparison.Ordinal))
        {
            (hits ??= []).Add(at);
        }

        for (int at = text.IndexOf("at ", StringComparison.Ordinal); at >= 0; at = text.IndexOf("at ", at + 1, StringComparison.Ordinal))
        {
            if (at > 0 && char.IsWhiteSpace(text[at - 1]))
            {
                int run = at - 1;
                while (run > 0 && char.IsWhiteSpace(text[run - 1]))
                {
                    run--;
                }

                if (run == 0 || text.AsSpan(run, at - 1 - run).Contains('\n'))
                {
                    (hits ??= []).Add(at);
                }
            }
        }

        return hits;
    }

    private static List<int>? LiteralHits(string text, SearchValues<string> literals, List<int>? hits)
    {
        for (int offset = 0; offset < text.Length;)
        {
            int found = text.AsSpan(offset).IndexOfAny(literals);
            if (found < 0)
            {
                break;
            }

            (hits ??= []).Add(offset + found);
            offset += found + 1;
        }

        return hits;
    }

    private const int HitRadius = 160;

    /// <summary>Whether the regex matches in the whole lines around any hit (a place every match holds).</summary>
    /// <remarks>Windows that touch are merged, so the regex reads each character once at most, and a match is found
    /// wherever it lies within its lines, however many hits a large paste holds. Windows are whole lines, so <c>^</c>,
    /// <c>$</c> and <c>\b</c> read the same inside a window as in the whole text.</remarks>
    private static bool MatchesAround(Regex regex, string text, List<int>? hits)
    {
        if (hits is null)
        {
            return false;
        }

        hits.Sort();
        int windowStart = -1;
        int windowEnd = -1;
        foreach (int hit in hits)
        {
            int start = text.LastIndexOf('\n', Math.Max(0, hit - HitRadius)) + 1;
            int lineEnd = text.IndexOf('\n', Math.Min(text.Length, hit + HitRadius));
            int end = lineEnd < 0 ? text.Length : lineEnd;
            if (windowEnd >= 0 && start <= windowEnd)
            {
                windowEnd = Math.Max(windowEnd, end);
                continue;
            }

            if (windowEnd >= 0 && regex.IsMatch(text.AsSpan(windowStart, windowEnd - windowStart)))
            {
                return true;
            }

            windowStart = start;
            windowEnd = end;
        }

        return regex.IsMatch(text.AsSpan(windowStart, windowEnd - windowStart));
    }

    private static readonly SearchValues<string> FenceMarks = SearchValues.Create(["```", "~~~"], StringComparison.Ordinal);

    /// <summary>Whether a line starts, after any indentation, with a code fence (``` or ~~~).</summary>
    /// <remarks>The same as <c>^\s*(?:```|~~~)</c> with multiline anchors: the whitespace before a mark must reach back to
    /// the start of a line, found by looking back from each mark rather than trying the pattern at every line.</remarks>
    private static bool HoldsFence(ReadOnlySpan<char> text)
    {
        for (int offset = 0; offset < text.Length;)
        {
            int found = text[offset..].IndexOfAny(FenceMarks);
            if (found < 0)
            {
                return false;
            }

            int mark = offset + found;
            int run = mark;
            while (run > 0 && char.IsWhiteSpace(text[run - 1]))
            {
                run--;
            }

            if (run == 0 || text[run - 1] == '\n' || text[run..mark].Contains('\n'))
            {
                return true;
            }

            offset = mark + 1;
        }

        return false;
    }

    private static int CountQuantities(string text, int enough)
    {
        int count = 0;
        foreach (ValueMatch unused in Quantity().EnumerateMatches(text))
        {
            if (++count >= enough)
            {
                break;
            }
        }

        return count;
    }

    private static int CountLines(string text) => text.Length == 0 ? 0 : text.AsSpan().Count('\n') + 1;

    private static int CountCodeLines(string text, int enough)
    {
        int count = 0;
        int seen = 0;
        foreach (ReadOnlySpan<char> line in text.AsSpan().EnumerateLines())
        {
            if (line.IsWhiteSpace())
            {
                continue;
            }

            if (++seen > MaxCodeLinesScanned)
            {
                break;
            }

            if (CodeLine.IsCode(line) && ++count >= enough)
            {
                break;
            }
        }

        return count;
    }

    // A math expression is a power, a math symbol or a superscript, each holding one of these (π with the letters that
    // case-insensitive matching takes for it), or an equation, which holds '='.
    private static readonly SearchValues<char> MathSymbolChars = SearchValues.Create("^√∑∏∫≤≥≠∞πΠϖ²³");

    // Patterns only asked whether they match run on the linear-time automaton engine: a yes/no answer is the same on
    // every engine, and for long alternations of words it reads text several times faster than the backtracking code.
    private static readonly Regex MathSymbolsDfa = new(MathSymbolsPattern, Ci | RegexOptions.NonBacktracking);
    private static readonly Regex StackTraceDfa = new(StackTracePattern, RegexOptions.Multiline | Cs | RegexOptions.NonBacktracking);
    private static readonly Regex ErrorMessageDfa = new(ErrorMessagePattern, Cs | RegexOptions.NonBacktracking);

    // Wording patterns tried only at the words a match can begin with (see WordingPattern), and where those are common
    // ("the", "how", "in"), only when the ask holds a word that each match must contain.
    private static readonly WordingPattern ImageReference = new(
        ImageReferencePattern, ImageReferenceAtStart(), ["screen", "this", "that", "the", "attached", "above", "following", "my", "in", "on", "from"],
        ["screen", "image", "picture", "photo", "pic", "scan"]);

    private static readonly WordingPattern PictureNoun = new(
        PictureNounPattern, PictureNounAtStart(), ["this", "that", "the", "attached", "above", "my"],
        ["chart", "diagram", "wireframe", "mock", "sketch", "drawing", "whiteboard", "figure", "slide"]);

    private static readonly WordingPattern MathVocabulary = new(
        MathVocabularyPattern, MathVocabularyAtStart(),
        ["induction", "theorem", "lemma", "corollary", "integer", "prime", "divisib", "irrational", "rational", "modulo",
         "polynomial", "derivative", "integral", "equation", "inequalit", "factorial", "permutations", "combinations",
         "combinatorics", "pigeonhole", "contradiction", "infinitely", "countabl", "bijection", "gcd", "lcm", "logarithm",
         "square", "geometric", "eigenvalue", "determinant", "axiom"]);

    private static readonly WordingPattern Probability = new(
        ProbabilityPattern, ProbabilityAtStart(),
        ["probabilit", "expected", "fair", "dice", "die", "roll", "coin", "deck", "at", "randomly", "uniformly", "do", "what",
         "odds", "variance", "standard", "bayes", "conditional", "in", "how"],
        ["probabilit", "expect", "fair", "dice", "die", "roll", "coin", "deck", "random", "uniformly", "chance", "likelihood",
         "odds", "variance", "deviation", "bayes", "many"]);

    private static readonly WordingPattern ComplexityQuestion = new(
        ComplexityQuestionPattern, ComplexityQuestionAtStart(), ["what", "big", "analy", "is", "how", "worst", "prove"]);

    private static readonly WordingPattern LogicPuzzle = new(
        LogicPuzzlePattern, LogicPuzzleAtStart(),
        ["puzzle", "riddle", "brain", "knight", "always", "knave", "liar", "truth", "syllogism", "logically", "deduce", "weighing",
         "balance", "hat", "river", "who", "is", "are", "all", "some", "no"],
        ["puzzle", "riddle", "brain", "teaser", "knave", "always", "liar", "truth", "syllogism", "logically", "deduce", "weighing",
         "balance", "colo", "crossing", "owns", "argument", "reasoning", "inference", "statement", "therefore"]);

    private static readonly WordingPattern CodeRequest = new(
        CodeRequestPattern, CodeRequestAtStart(),
        ["write", "implement", "code", "create", "generate", "build", "add", "give", "show", "make", "fix", "debug", "rewrite",
         "convert", "port", "optimi"]);

    private static readonly WordingPattern CodeNounRequest = new(
        CodeNounRequestPattern, CodeNounRequestAtStart(),
        ["regex", "regular", "sql", "query", "one", "shell", "bash", "command", "cron", "css", "xpath", "jq", "snippet", "script"],
        ["regex", "regular", "query", "liner", "oneliner", "command", "cron", "selector", "xpath", "jq", "snippet", "script"]);

    private static readonly WordingPattern ProblemReport = new(
        ProblemReportPattern, ProblemReportAtStart(),
        ["fail", "throw", "threw", "crash", "hang", "broke", "doesn", "won", "can", "not", "what", "return", "segfault", "leak",
         "memory", "race", "deadlock", "error", "timeout", "times", "says", "print", "shows", "output", "complains", "log",
         "report"]);

    private static readonly WordingPattern CodeReference = new(
        CodeReferencePattern, CodeReferenceAtStart(), ["this", "that", "my", "our", "the"],
        ["function", "method", "class", "code", "snippet", "query", "regex", "script", "loop", "test", "endpoint", "component",
         "struct", "module", "program", "stack", "traceback", "exception", "error", "lambda", "closure", "macro", "migration",
         "dockerfile", "makefile", "pipeline", "fixture", "decorator", "middleware", "config", "suite", "job", "image",
         "container", "repo"]);

    private static readonly WordingPattern DesignQuestion = new(
        DesignQuestionPattern, DesignQuestionAtStart(), ["how", "plan", "sketch", "outline", "propose", "should"]);

    private static readonly WordingPattern ArchitectureTerm = new(
        ArchitectureTermPattern, ArchitectureTermAtStart(),
        ["software", "high", "fault", "horizontal", "distributed", "multi", "sharding", "event", "cqrs", "microservice",
         "monolith", "service", "consensus", "replication", "disaster", "capacity", "trade", "audit", "rate", "bounded", "domain",
         "hexagonal", "ports", "clean", "roll", "zero", "without", "backward", "data", "governance", "ownership"],
        ["architecture", "availability", "fault", "horizontal", "distributed", "region", "tenan", "sharding", "sourcing", "cqrs",
         "microservice", "monolith", "mesh", "consensus", "replication", "recovery", "capacity", "trade", "audit", "limiting",
         "bounded", "domain", "hexagonal", "adapters", "roll", "downtime", "compatib", "retention", "governance", "ownership"]);

    // Its third branch may start with a number ("40 services"); the scanner tries it everywhere when a digit outside ASCII occurs.
    private static readonly WordingPattern SpansManyParts = new(
        SpansManyPartsPattern, SpansManyPartsAtStart(),
        ["across", "between", "migrat", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "dozens", "hundreds", "all", "every", "in"],
        ["across", "between", "migrat", "services", "microservices", "repos", "modules", "packages", "teams", "accounts", "apps",
         "applications", "databases", "clusters", "every"]);

    private static readonly WordingPattern ComputeQuestion = new(
        ComputeQuestionPattern, ComputeQuestionAtStart(), ["what", "how", "calculate", "compute", "work", "solve", "on", "by", "which", "at"]);

    [GeneratedRegex(@"\G(?:" + ComputeQuestionPattern + ")", Ci)]
    private static partial Regex ComputeQuestionAtStart();

    [GeneratedRegex(@"\G(?:" + ImageReferencePattern + ")", Ci)]
    private static partial Regex ImageReferenceAtStart();

    [GeneratedRegex(@"\G(?:" + PictureNounPattern + ")", Ci)]
    private static partial Regex PictureNounAtStart();

    [GeneratedRegex(@"\G(?:" + MathVocabularyPattern + ")", Ci)]
    private static partial Regex MathVocabularyAtStart();

    [GeneratedRegex(@"\G(?:" + ProbabilityPattern + ")", Ci)]
    private static partial Regex ProbabilityAtStart();

    [GeneratedRegex(@"\G(?:" + ComplexityQuestionPattern + ")", Ci)]
    private static partial Regex ComplexityQuestionAtStart();

    [GeneratedRegex(@"\G(?:" + LogicPuzzlePattern + ")", Ci)]
    private static partial Regex LogicPuzzleAtStart();

    [GeneratedRegex(@"\G(?:" + CodeRequestPattern + ")", Ci)]
    private static partial Regex CodeRequestAtStart();

    [GeneratedRegex(@"\G(?:" + CodeNounRequestPattern + ")", Ci)]
    private static partial Regex CodeNounRequestAtStart();

    [GeneratedRegex(@"\G(?:" + ProblemReportPattern + ")", Ci)]
    private static partial Regex ProblemReportAtStart();

    [GeneratedRegex(@"\G(?:" + CodeReferencePattern + ")", Ci)]
    private static partial Regex CodeReferenceAtStart();

    [GeneratedRegex(@"\G(?:" + DesignQuestionPattern + ")", Ci)]
    private static partial Regex DesignQuestionAtStart();

    [GeneratedRegex(@"\G(?:" + ArchitectureTermPattern + ")", Ci)]
    private static partial Regex ArchitectureTermAtStart();

    [GeneratedRegex(@"\G(?:" + SpansManyPartsPattern + ")", Ci)]
    private static partial Regex SpansManyPartsAtStart();

    /// <summary>Reads the ask's words once for every wording pattern above, and the technology names.</summary>
    private static readonly WordingPattern ProofRequest = new(
        ProofRequestPattern, ProofRequestAtStart(), ["prove", "disprove", "proof", "show", "demonstrate", "derive"]);

    private static readonly WordingPattern ComplexityTerm = new(
        ComplexityTermPattern, ComplexityTermAtStart(), ["big", "time", "space", "asymptotic", "amorti", "np", "recurrence"],
        ["big", "complexity", "asymptotic", "amorti", "np", "recurrence"]);

    private static readonly WordingPattern SystemDesign = new(
        SystemDesignPattern, SystemDesignAtStart(), ["design", "architect", "blueprint", "plan", "system"]);

    private static readonly WordingPattern WholeCodebase = new(
        WholeCodebasePattern, WholeCodebaseAtStart(), ["whole", "entire", "across", "throughout", "all", "monorepo", "codebase", "which"],
        ["code", "repo", "project", "solution", "monorepo", "app", "system", "stack", "product", "change", "touch", "affect", "break",
         "depend", "need"]);

    [GeneratedRegex(@"\G(?:" + ProofRequestPattern + ")", Ci)]
    private static partial Regex ProofRequestAtStart();

    [GeneratedRegex(@"\G(?:" + ComplexityTermPattern + ")", Ci)]
    private static partial Regex ComplexityTermAtStart();

    [GeneratedRegex(@"\G(?:" + SystemDesignPattern + ")", Ci)]
    private static partial Regex SystemDesignAtStart();

    [GeneratedRegex(@"\G(?:" + WholeCodebasePattern + ")", Ci)]
    private static partial Regex WholeCodebaseAtStart();

    internal static WordingScanner Wording { get; } = new(
    [
        ImageReference, PictureNoun, MathVocabulary, Probability, ComplexityQuestion, LogicPuzzle, CodeRequest, CodeNounRequest,
        ProblemReport, CodeReference, DesignQuestion, ArchitectureTerm, SpansManyParts, ComputeQuestion, ProofRequest, ComplexityTerm,
        SystemDesign, WholeCodebase,
    ], TechnologyWords, CueMatcher.Default.GateWords);

    private static readonly GuardedRegex CodeVerbOnThisGuarded = new(CodeVerbOnThis(), "fix", "debug", "refactor", "implement", "write");

    private const RegexOptions Ci = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const RegexOptions Cs = RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\.(?:png|jpe?g|gif|webp|bmp|tiff?|heic)$", Ci)]
    private static partial Regex ImageExtension();

    [GeneratedRegex(@"[\w-]\.(?:png|jpe?g|gif|webp|bmp|tiff?|heic)\b", Ci)]
    private static partial Regex ImagePathInText();

    private const string ImageReferencePattern = @"\bscreen\s?shots?\b|\b(?:this|that|the|attached|above|following|my)\s+(?:[\w-]+\s+){0,2}?(?:image|picture|photo|photograph|pic|scan|screen\s?cap(?:ture)?)\b|\b(?:in|on|from)\s+the\s+(?:image|picture|photo)\b";

    private const string PictureNounPattern = @"\b(?:this|that|the|attached|above|my)\s+(?:[\w-]+\s+){0,2}?(?:chart|diagram|wireframe|mock-?up|sketch|drawing|whiteboard|figure|slide)\b";

    private const string ProofRequestPattern = @"\b(?:prove|disprove|proofs?(?!\s+of\s+concept)|show\s+(?:by\s+\w+\s+|formally\s+|rigorously\s+)?that|demonstrate\s+that|derive\s+(?:the|a|an)\s)\b";

    private const string MathVocabularyPattern = @"\b(?:induction|theorem|lemma|corollary|integers?|primes?\s+numbers?|prime|divisible|divisibility|irrational|rational\s+numbers?|modulo|polynomials?|derivatives?|integrals?|equations?|inequalit(?:y|ies)|factorial|permutations|combinations|combinatorics|pigeonhole|contradiction|infinitely\s+many|countabl[ey]|bijection|gcd|lcm|logarithms?|square\s+roots?|geometric\s+series|eigenvalues?|determinant|axioms?)\b";

    private const string MathSymbolsPattern = @"\b\d+\s*\^\s*[a-z0-9(]|\b[a-z]\s*\^\s*\d|[√∑∏∫≤≥≠∞π]|[a-z0-9][²³]";

    [GeneratedRegex(@"\b\d+\s*[−\-+*×÷/]\s*\d+\s*=\s*\d", Ci)]
    private static partial Regex MathEquation();

    // "dice que", "dice che": Spanish and Italian "says that", never English dice.
    private const string ProbabilityPattern = @"\b(?:probabilit(?:y|ies)|expected\s+(?:value|number|count)|fair\s+(?:die|dice|coin)|dice(?!\s+(?:que|che)\b)|die\s+rolls?|rolls?\s+of\s+a\s+die|coin\s+(?:flips?|tosses?)|deck\s+of\s+cards|at\s+random|randomly\s+(?:chosen|picked|selected|drawn)|uniformly\s+at|do\s+you\s+expect\s+to|what(?:'s|\s+is)\s+the\s+(?:chance|likelihood)|odds\s+(?:of|that|are)|variance|standard\s+deviation|bayes(?:ian)?|conditional\s+probability|(?:in\s+)?how\s+many\s+(?:ways|different\s+\w+|distinct\s+\w+|possible\s+\w+|arrangements|combinations|permutations|paths|subsets))\b";

    private const string ComplexityQuestionPattern = @"\b(?:what(?:'s|\s+is|\s+are)\s+the\s+(?:time\s+|space\s+|runtime\s+|big[-\s]?o\s+)?complexit(?:y|ies)|big[-\s]?o\s+of|analy[sz]e\s+the\s+(?:time\s+|space\s+)?complexity|is\s+(?:this|it)\s+O\s*\(|how\s+many\s+comparisons|worst[-\s]case\s+(?:running|run)\s+time|prove\s+(?:that\s+)?(?:it|this|the\s+algorithm)\s+terminates)";

    // Complexity terms in words, and big-O notation, which holds "o(" and is looked for only where the ask does.
    private const string ComplexityTermPattern = @"\b(?:big[-\s]?o|time\s+complexity|space\s+complexity|asymptotic(?:ally)?|amorti[sz]ed|np[-\s](?:hard|complete)|recurrence\s+relation)\b";

    [GeneratedRegex(@"\bO\((?:n|1|log\s*n|n\s*log\s*n|n\^?2|n²|2\^n|n!)\)", Ci)]
    private static partial Regex BigONotation();

    private const string LogicPuzzlePattern = @"\b(?:puzzles?|riddles?|brain\s?teasers?|knights?\s+and\s+knaves|always\s+(?:lies?|tells?\s+the\s+truth)|knaves?|liars?|truth[-\s]tellers?|syllogism|logically\s+(?:follows?|implies|valid)|deduce|weighings?|balance\s+scale|hat\s+colou?rs?|river\s+crossing|who\s+owns\s+the|(?:is|are)\s+(?:the\s+following|this|these)\s+(?:argument|reasoning|inference|statements?|syllogism)s?\s+(?:valid|sound|consistent|true)|(?:all|some|no)\s+\w+\s+are\s+\w+[^.?!]{0,80}\btherefore\b)\b";

    [GeneratedRegex(@"(?<![\w.])\d+(?:[.,]\d+)?\s*(?:%|percent\b|ms\b|s\b|sec\b|seconds?\b|minutes?\b|hours?\b|days?\b|[kmgt]b\b|km\b|kg\b|mph\b|rps\b|qps\b|x\b|times\b)?", Ci)]
    private static partial Regex Quantity();

    private const string ComputeQuestionPattern = @"\b(?:what(?:'s|\s+is|\s+are|\s+would\s+be|\s+will\s+be)\s+(?:(?:the|its|their|his|her|my|our|new|resulting|overall|final|expected)\s+){0,3}(?:mean|average|median|total|expected|probability|rate|percentage|ratio|speed|distance|cost|break[-\s]?even|minimum|maximum|optimal|latency|throughput|answer|result|value)|how\s+(?:many|much|long|far|fast|often)|what\s+\w+(?:\s+\w+)?\s+(?:gets|brings|makes|keeps|puts)\s+(?:it|this|that|them)|calculate|compute|work\s+out|solve\s+for|(?:on\s+|by\s+)?which\s+(?:day|year|step|round|turn|move|hour|minute|floor)|at\s+what\s+(?:time|point|rate|speed|price|size))\b";

    private const string StackTracePattern = @"Traceback \(most recent call last\)|File ""[^""\n]+"", line \d+|^\s+at [\w$.<>\[\]`]+\([^)\n]*:\d+\)|^\s+at .+ in .+:line \d+|^\s+at .+\(.+:\d+:\d+\)|^\s+at .+:\d+:\d+\s*$|goroutine \d+ \[|^panic: |panicked at|Exception in thread ""|^Caused by: |^\s+\d+: 0x[0-9a-f]+ - |^\s*#\d+\s+0x[0-9a-f]+ in ";

    private const string ErrorMessagePattern = @"\b[A-Z]\w*(?:Exception|Error)\b|\bE(?:NOENT|ACCES|ADDRINUSE|CONNREFUSED|CONNRESET|INTEGRITY|RESOLVE|PERM|TIMEDOUT|EXIST|NOTFOUND|PIPE|NOTDIR|ISDIR|MFILE|AI_AGAIN|LIFECYCLE|BADENGINE)\b|\berror(?:\s+|\[)?[A-Z]{1,4}\d{3,5}\b|Cannot find module|command not found|[Ss]egmentation fault|core dumped|undefined reference to|is not defined\b|has no attribute|cannot be resolved|is not a function|[Nn]ull ?[Pp]ointer|exit (?:code|status) -?\d+|: too many arguments|[Ss]yntax ?[Ee]rror|[Uu]nexpected token|[Pp]ermission denied|[Nn]o such file or directory|[Cc]annot read propert(?:y|ies) of|undefined method|\bE\d{4}\b:|\berror\[E\d{4}\]|\bFATAL\b|\bpanic\b:|cannot import name|[Mm]odule ?[Nn]ot ?[Ff]ound|[Cc]ompil(?:e|ation) (?:error|failed)|[Bb]uild failed|\bSIG(?:SEGV|ABRT|KILL|TERM)\b|CrashLoopBackOff|ImagePullBackOff|OOMKilled|\bCONFLICT\b|[""'“][^""'”\n]{0,80}\b(?:error|failed|fatal|denied|refused|not\s+found|invalid)\b[^""'”\n]{0,80}[""'”]";

    [GeneratedRegex(@"`[^`\n]{1,80}`", Cs)]
    private static partial Regex InlineCode();

    private const string CodeRequestPattern = @"\b(?:write|implement|code\s+up|create|generate|build|add|give\s+me|show\s+me|make|fix|debug|rewrite|convert|port|optimi[sz]e)\s+(?:me\s+)?(?:(?:a|an|the|some|this|that|my|our|these|those)\s+)?(?:[\w#+.-]+\s+){0,3}?(?:functions?|func|fn|methods?|class(?:es)?|structs?|interfaces?|enums?|scripts?|quer(?:y|ies)|regex(?:es|p)?|regular\s+expressions?|unit\s+tests?|tests?|snippets?|programs?|endpoints?|cli|components?|hooks?|modules?|decorators?|macros?|lambdas?|closures?|handlers?|parsers?|serializers?|dockerfiles?|makefiles?|pipelines?|workflows?|migrations?|schemas?|cron(?:\s+expressions?|\s+jobs?)?|one-?liners?|code|implementation|algorithms?|apis?|librar(?:y|ies)|loops?|types?|traits?|generics?|extension\s+methods?|commands?|bash|shell|sql|yaml|json|css|html|program|app|service|server|client|bot|plugin|extension|query|cache|linked\s+list|hash\s*map|trie|heap|stack|queue|binary\s+search|tree|wrappers?|helpers?|utilit(?:y|ies)|validators?|middlewares?|controllers?|models?|templates?|config(?:uration)?|manifests?|jobs?|adapters?|sdk|pagination|logging|validation|error\s+handling|retries|type\s+hints|annotations|docstrings?|comments)\b";

    [GeneratedRegex(@"\b(?:fix|debug|refactor|implement)\s+(?:this|that|it|my|the\s+bug|the\s+code|the\s+error)\b(?!\s+(?:sentence|paragraph|text|email|e-mail|letter|wording|phrase|message|title|typo|grammar|essay|post|bio|slide))|\bwrite\s+(?:the\s+)?code\b|^\s*implement\b|\bimplement\s+(?:a|an)\s", Ci | RegexOptions.Multiline)]
    private static partial Regex CodeVerbOnThis();

    private const string CodeNounRequestPattern = @"\b(?:regexp?|regular\s+expression|sql\s+query|query|one-?liner|shell\s+command|bash\s+command|command\s+line|cron\s+expression|css\s+selector|xpath|jq\s+(?:filter|expression)|snippet|script)\s+(?:for|to|that|which)\s+\w";

    [GeneratedRegex(@"\bhow\s+(?:do|can|should|would)\s+(?:i|we|you)\b|\bhow\s+to\b", Ci)]
    private static partial Regex HowToQuestion();

    private const string ProblemReportPattern = @"\b(?:fails?|failing|failed|throws?|threw|crash(?:es|ed|ing)?|hangs?|hanging|broke|broken|doesn'?t\s+(?:work|compile|build|run|start)|won'?t\s+(?:compile|build|start|run|load)|can'?t\s+(?:resolve|find|import|connect|compile|load)|not\s+working|what'?s\s+wrong|returns?\s+(?:null|undefined|nil|none|nothing|\d{3})|segfaults?|leaks?\s+memory|memory\s+leak|race\s+condition|deadlocks?|errors?\s+out|timeouts?|times\s+out)\b|\b(?:says|prints?|shows|outputs?|complains|logs?\s+says?|reports?)\s*:?\s*[""'“]";

    private const string CodeReferencePattern = @"\b(?:this|that|my|our|the\s+following)\s+(?:\w+\s+)?(?:function|method|class|code|snippet|query|regex|script|loop|unit\s+test|test|endpoint|component|struct|module|program|stack\s*trace|traceback|exception|compiler\s+error|build\s+error|lambda|closure|macro|migration|dockerfile|makefile|pipeline|fixture|decorator|middleware|config\s+file|test\s+suite|ci\s+job|build\s+script|docker\s+image|container|repo)\b";

    private const string SystemDesignPattern = @"\b(?:design|architect|blueprint|plan\s+out)\s+(?:a|an|the|our|my)\s+(?:[\w-]+\s+){0,4}?(?:system|service|platform|architecture|backend|infrastructure|pipeline|database|schema|data\s+model|cluster|network|queue|cache|scheduler|gateway|framework|marketplace|app|application|solution)s?\b|\bsystem\s+design\b";

    private const string DesignQuestionPattern = @"\bhow\s+(?:should|would|could|do|can)\s+(?:we|i|you|one)\s+(?:best\s+)?(?:structure|organi[sz]e|architect|design|split|partition|shard|lay\s+out|migrate|scale\s+out|decompose|model)\b|\b(?:plan|sketch|outline|propose)\s+(?:out\s+)?(?:the|a|an|our)\s+(?:\w+\s+){0,2}?(?:migration|rollout|transition|split|rewrite|re-?architecture|roadmap|strategy|plan)\b|\bshould\s+(?:be|we\s+be)\s+(?:structured|organi[sz]ed|architected|designed|split|partitioned|laid\s+out|decomposed)\b";

    private const string ArchitectureTermPattern = @"\b(?:software\s+architecture|high[-\s]availability|fault[-\s]toleran(?:t|ce)|horizontal(?:ly)?\s+scal\w+|distributed\s+(?:systems?|transactions?|locks?|caches?|queues?)|multi[-\s]region|multi[-\s]tenan(?:t|cy)|sharding|event[-\s]sourcing|cqrs|microservices?|monolith(?:ic)?|service\s+mesh|consensus|replication|disaster\s+recovery|capacity\s+planning|trade[-\s]?offs?|audit\s+trail|rate\s+limiting\s+across|bounded\s+contexts?|domain[-\s]driven|hexagonal|ports[-\s]+and[-\s]+adapters|clean\s+architecture|roll-?out\s+(?:and|&)\s+roll-?back|zero[-\s]downtime|without\s+downtime|backwards?[-\s]compatib\w+|data\s+retention|governance|ownership)\b";

    private const string WholeCodebasePattern = @"\b(?:whole|entire|across\s+the|throughout\s+the|all\s+of\s+the)\s+(?:code\s*base|repo(?:sitory)?|project|solution|monorepo|app(?:lication)?|system|stack|product)\b|\bmonorepo\b|\bcodebase[-\s]wide\b|\bwhich\s+(?:parts|files|modules|services|packages|components|projects|teams)\b[^?.]{0,100}\b(?:change|touch|affect|break|depend|need)";

    private const string SpansManyPartsPattern = @"\b(?:across|between)\s+(?:the\s+|all\s+|our\s+|every\s+|multiple\s+|several\s+|both\s+|many\s+|two\s+|three\s+|\d+\s+)*(?:regions?|services|microservices|modules|packages|repos(?:itories)?|teams|clusters|data\s*cent(?:er|re)s|codebases|projects|environments|apps|applications|systems|layers)\b|\bmigrat\w+\s+(?:\w+\s+){0,6}?(?:across|in\s+every|in\s+all)\b|\b(?:\d{2,}|dozens\s+of|hundreds\s+of|all\s+(?:our|the)|every)\s+(?:micro)?(?:services|repos(?:itories)?|modules|packages|teams|accounts|apps|applications|databases|clusters)\b|\b(?:in|across)\s+every\s+(?:service|module|package|team|repo)\b";

    [GeneratedRegex(@"\b(?:architecture|architectural|hexagonal|ports[-\s]+and[-\s]+adapters|clean\s+architecture|onion\s+architecture|layered\s+(?:design|structure|architecture)|(?:presentation|domain|data(?:\s+access)?|service|persistence|infrastructure)\s+layers?|domain[-\s]driven|bounded\s+contexts?|microservices?|monolith\w*|event[-\s]driven|event\s+sourcing|cqrs|plugin\s+(?:system|architecture)|module\s+boundaries|(?:across|throughout)\s+(?:the\s+)?(?:whole\s+|entire\s+)?(?:code\s*base|repo(?:sitory)?|project|solution|app(?:lication)?)|across\s+(?:these|those|all\s+(?:the\s+)?|the|every|multiple|several)\s+(?:files|classes|modules|packages|services|components|projects|layers)|(?:every|each)\s+(?:\w+\s+)?(?:in|of|across)\s+(?:these|those|all|the)\s+(?:files|packages|modules|services|projects)|(?:every|all\s+(?:the\s+)?)\s*(?:modules|packages|services|layers))\b", Ci)]
    private static partial Regex ArchitectureWording();
}

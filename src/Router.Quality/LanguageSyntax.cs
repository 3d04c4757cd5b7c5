namespace Router.Quality;

/// <summary>What a language's lexer must know to skip comments and string literals while it counts brackets and quotes.</summary>
/// <param name="Name">The name used in verdicts ("python", "javascript").</param>
/// <param name="Quotes">Characters that open a string literal.</param>
/// <param name="SingleQuoteIsChar">A <c>'</c> opens a one-character literal only; anything else (a Rust lifetime, an F#
/// type variable, a C++ digit separator) is not a quote at all.</param>
/// <param name="TripleQuotes">Three quote characters open a string that runs to the next three.</param>
/// <param name="QuotesSpanLines">Any string literal may run over several lines (shell, SQL, Ruby).</param>
/// <param name="MultiLineQuotes">Quotes whose literals may run over lines even when the others may not (JavaScript's and Go's backtick).</param>
/// <param name="Escape">The character that escapes the next one inside a string, or <c>'\0'</c> for none.</param>
/// <param name="HashCommentNeedsWordStart">A <c>#</c> starts a comment only at the start of a word (shell's <c>$#</c> is not one).</param>
/// <param name="Brackets">Opening and closing pairs to balance, opener first.</param>
internal sealed record LanguageSyntax(
    string Name,
    IReadOnlyList<string> LineComments,
    IReadOnlyList<BlockComment> BlockComments,
    string Quotes,
    bool SingleQuoteIsChar,
    bool TripleQuotes,
    bool QuotesSpanLines,
    string MultiLineQuotes,
    char Escape,
    bool HashCommentNeedsWordStart,
    string Brackets)
{
    private const string AllBrackets = "()[]{}";
    private static readonly BlockComment SlashStar = new("/*", "*/");

    private static readonly LanguageSyntax CFamily = new("c", ["//"], [SlashStar], "\"'", SingleQuoteIsChar: true,
        TripleQuotes: false, QuotesSpanLines: false, MultiLineQuotes: "", Escape: '\\', HashCommentNeedsWordStart: false, AllBrackets);

    private static readonly LanguageSyntax JavaScript = CFamily with { Name = "javascript", Quotes = "\"'`", SingleQuoteIsChar = false, MultiLineQuotes = "`" };

    private static readonly LanguageSyntax Python = new("python", ["#"], [], "\"'", SingleQuoteIsChar: false,
        TripleQuotes: true, QuotesSpanLines: false, MultiLineQuotes: "", Escape: '\\', HashCommentNeedsWordStart: false, AllBrackets);

    // Shell's case patterns ("a) ...;;") close parentheses they never opened, so only brackets and braces are balanced.
    private static readonly LanguageSyntax Shell = new("shell", ["#"], [], "\"'`", SingleQuoteIsChar: false,
        TripleQuotes: false, QuotesSpanLines: true, MultiLineQuotes: "", Escape: '\\', HashCommentNeedsWordStart: true, "[]{}");

    private static readonly LanguageSyntax Sql = new("sql", ["--"], [SlashStar], "\"'`", SingleQuoteIsChar: false,
        TripleQuotes: false, QuotesSpanLines: true, MultiLineQuotes: "", Escape: '\0', HashCommentNeedsWordStart: false, AllBrackets);

    /// <summary>The syntax for a fence tag or LSP language id, or null for a language not checked (markup, prose, data
    /// formats, or an unknown one).</summary>
    public static LanguageSyntax? For(string? language) => CodeLanguages.Normalize(language) switch
    {
        "c" or "cpp" or "objective-c" or "glsl" or "hlsl" or "zig" or "solidity" or "proto" => CFamily with { Name = CodeLanguages.Normalize(language)! },
        "java" or "kotlin" or "scala" or "swift" => CFamily with { Name = CodeLanguages.Normalize(language)!, TripleQuotes = true },
        "go" => CFamily with { Name = "go", Quotes = "\"'`", MultiLineQuotes = "`" },
        "rust" => CFamily with { Name = "rust" },
        "json" => CFamily with { Name = "json", Quotes = "\"", SingleQuoteIsChar = false },
        "javascript" or "typescript" => JavaScript with { Name = CodeLanguages.Normalize(language)! },
        "dart" => JavaScript with { Name = "dart", Quotes = "\"'", MultiLineQuotes = "", TripleQuotes = true },
        "php" => CFamily with { Name = "php", LineComments = ["//", "#"], SingleQuoteIsChar = false, QuotesSpanLines = true },
        "css" => CFamily with { Name = "css", LineComments = [], SingleQuoteIsChar = false },
        "python" => Python,
        "ruby" => Python with { Name = "ruby", Quotes = "\"'`", TripleQuotes = false, QuotesSpanLines = true },
        "perl" or "r" => Python with { Name = CodeLanguages.Normalize(language)!, TripleQuotes = false, QuotesSpanLines = true },
        "elixir" => Python with { Name = "elixir", QuotesSpanLines = true },
        "shell" => Shell,
        "powershell" => Shell with { Name = "powershell", BlockComments = [new BlockComment("<#", "#>")], Quotes = "\"'", Escape = '`', Brackets = AllBrackets },
        "sql" => Sql,
        "lua" => Sql with { Name = "lua", BlockComments = [new BlockComment("--[[", "]]")], Quotes = "\"'", QuotesSpanLines = false, Escape = '\\' },
        "haskell" => Sql with { Name = "haskell", BlockComments = [new BlockComment("{-", "-}")], Quotes = "\"'", SingleQuoteIsChar = true, QuotesSpanLines = false, Escape = '\\' },
        "fsharp" => CFamily with { Name = "fsharp", BlockComments = [new BlockComment("(*", "*)")], TripleQuotes = true },
        "visual-basic" => Sql with { Name = "visual-basic", LineComments = ["'"], BlockComments = [], Quotes = "\"", QuotesSpanLines = false },
        "clojure" => Sql with { Name = "clojure", LineComments = [";"], BlockComments = [], Quotes = "\"", Escape = '\\' },
        _ => null,
    };
}

namespace Router.Quality;

/// <summary>One name for each language however a fence tag or an editor spells it ("cs", "c#", "csharp" → "csharp").</summary>
internal static class CodeLanguages
{
    public const string CSharp = "csharp";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["csharp"] = CSharp, ["cs"] = CSharp, ["c#"] = CSharp, ["csx"] = CSharp, ["c-sharp"] = CSharp,
        ["c"] = "c", ["h"] = "c",
        ["cpp"] = "cpp", ["c++"] = "cpp", ["cc"] = "cpp", ["cxx"] = "cpp", ["hpp"] = "cpp", ["cuda"] = "cpp", ["cuda-cpp"] = "cpp",
        ["objc"] = "objective-c", ["objective-c"] = "objective-c", ["objectivec"] = "objective-c", ["objective-cpp"] = "objective-c",
        ["java"] = "java", ["kotlin"] = "kotlin", ["kt"] = "kotlin", ["kts"] = "kotlin", ["scala"] = "scala", ["swift"] = "swift",
        ["groovy"] = "java", ["go"] = "go", ["golang"] = "go", ["rust"] = "rust", ["rs"] = "rust",
        ["json"] = "json", ["jsonc"] = "json", ["json5"] = "json",
        ["javascript"] = "javascript", ["js"] = "javascript", ["jsx"] = "javascript", ["mjs"] = "javascript", ["cjs"] = "javascript",
        ["javascriptreact"] = "javascript", ["node"] = "javascript",
        ["typescript"] = "typescript", ["ts"] = "typescript", ["tsx"] = "typescript", ["typescriptreact"] = "typescript",
        ["dart"] = "dart", ["php"] = "php", ["css"] = "css", ["scss"] = "css", ["less"] = "css",
        ["python"] = "python", ["py"] = "python", ["python3"] = "python", ["pyi"] = "python", ["py3"] = "python",
        ["ruby"] = "ruby", ["rb"] = "ruby", ["perl"] = "perl", ["pl"] = "perl", ["r"] = "r",
        ["elixir"] = "elixir", ["ex"] = "elixir", ["exs"] = "elixir",
        ["shell"] = "shell", ["sh"] = "shell", ["bash"] = "shell", ["zsh"] = "shell", ["ksh"] = "shell", ["shellscript"] = "shell",
        ["powershell"] = "powershell", ["ps1"] = "powershell", ["pwsh"] = "powershell", ["ps"] = "powershell",
        ["sql"] = "sql", ["mysql"] = "sql", ["pgsql"] = "sql", ["postgres"] = "sql", ["postgresql"] = "sql", ["plsql"] = "sql",
        ["tsql"] = "sql", ["sqlite"] = "sql",
        ["lua"] = "lua", ["haskell"] = "haskell", ["hs"] = "haskell", ["elm"] = "haskell",
        ["fsharp"] = "fsharp", ["fs"] = "fsharp", ["f#"] = "fsharp",
        ["vb"] = "visual-basic", ["vbnet"] = "visual-basic", ["vb.net"] = "visual-basic", ["visual-basic"] = "visual-basic",
        ["clojure"] = "clojure", ["clj"] = "clojure", ["lisp"] = "clojure", ["scheme"] = "clojure",
        ["glsl"] = "glsl", ["hlsl"] = "hlsl", ["zig"] = "zig", ["solidity"] = "solidity", ["proto"] = "proto", ["protobuf"] = "proto",
    };

    /// <summary>The language's one name, the lower-cased input when it is unknown, or null for none.</summary>
    public static string? Normalize(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        string trimmed = language.Trim();
        return Aliases.TryGetValue(trimmed, out string? name) ? name : trimmed.ToLowerInvariant();
    }

    public static bool IsCSharp(string? language) => Normalize(language) == CSharp;
}

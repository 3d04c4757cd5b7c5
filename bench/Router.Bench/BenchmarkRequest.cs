namespace Router.Bench;

/// <summary>The realistic request bodies every benchmark measures, so results compare across benchmarks.</summary>
public static class BenchmarkRequest
{
    /// <summary>About 4 KB of chat about code: C#, Python, a stack trace and JavaScript.</summary>
    public static string Code4K { get; } = Load("code-4k");

    /// <summary>About 4 KB of English prose.</summary>
    public static string Prose4K { get; } = Load("prose-4k");

    /// <summary>About 4 KB (UTF-8) of chat in another language than English: prose about a bug with a code snippet,
    /// in Chinese ("zh"), Japanese ("ja"), Russian ("ru") or German ("de").</summary>
    public static string Chat4K(string language) => language switch
    {
        "zh" or "ja" or "ru" or "de" => Load($"chat-{language}-4k"),
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Known languages: zh, ja, ru, de."),
    };

    /// <summary>Names accepted by <see cref="Text"/>, for <c>[Params]</c>.</summary>
    public static IEnumerable<string> Kinds => ["code", "prose"];

    public static string Text(string kind) => kind switch
    {
        "code" => Code4K,
        "prose" => Prose4K,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Known kinds: code, prose."),
    };

    private static string Load(string name)
    {
        using Stream stream = typeof(BenchmarkRequest).Assembly.GetManifestResourceStream($"Router.Bench.Requests.{name}.txt")
            ?? throw new InvalidOperationException($"Missing embedded request {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

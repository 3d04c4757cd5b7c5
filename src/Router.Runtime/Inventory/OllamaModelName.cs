namespace Router.Runtime.Inventory;

/// <summary>Ollama's model naming: a name without a tag means ":latest", and the default registry's prefix may be omitted.</summary>
public static class OllamaModelName
{
    private const string DefaultRegistry = "registry.ollama.ai/";
    private const string DefaultNamespace = "library/";

    /// <summary>The canonical form: lower case, no default registry or namespace, always a tag.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Trim().ToLowerInvariant();
        if (text.StartsWith(DefaultRegistry, StringComparison.Ordinal))
        {
            text = text[DefaultRegistry.Length..];
        }

        if (text.StartsWith(DefaultNamespace, StringComparison.Ordinal))
        {
            text = text[DefaultNamespace.Length..];
        }

        var lastSlash = text.LastIndexOf('/');
        return text.IndexOf(':', lastSlash + 1) >= 0 ? text : text + ":latest";
    }

    /// <summary>True when both names denote the same model ("llama3" and "llama3:latest" do; "x:14b" and "x:14b-instruct" do not).</summary>
    public static bool SameModel(string a, string b) =>
        string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    /// <summary>The name without its tag, e.g. "qwen2.5-coder" for "qwen2.5-coder:14b".</summary>
    public static string BaseName(string name)
    {
        var normalized = Normalize(name);
        return normalized[..normalized.LastIndexOf(':')];
    }
}

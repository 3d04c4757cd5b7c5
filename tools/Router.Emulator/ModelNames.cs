namespace Router.Emulator;

/// <summary>Ollama's model naming: a name without a tag means ":latest".</summary>
internal static class ModelNames
{
    public static string Normalize(string name)
    {
        var trimmed = name.Trim();
        var lastSlash = trimmed.LastIndexOf('/');
        return trimmed.IndexOf(':', lastSlash + 1) >= 0 ? trimmed : trimmed + ":latest";
    }
}

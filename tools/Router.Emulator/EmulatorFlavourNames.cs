namespace Router.Emulator;

/// <summary>The names <c>router-emulator --flavour</c> and a profile file's <c>flavour</c> use.</summary>
public static class EmulatorFlavourNames
{
    public static IReadOnlyList<string> All { get; } = ["ollama", "vllm", "llamacpp", "sglang", "lmstudio", "deepseek", "codestral"];

    public static string Name(this EmulatorFlavour flavour) => All[(int)flavour];

    public static bool TryParse(string? name, out EmulatorFlavour flavour)
    {
        int index = name is null ? -1 : All.ToList().IndexOf(name.Trim().ToLowerInvariant());
        flavour = index < 0 ? EmulatorFlavour.Ollama : (EmulatorFlavour)index;
        return index >= 0;
    }
}

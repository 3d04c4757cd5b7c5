namespace Router.Emulator.Wire;

/// <summary>The emulator's profile file (camelCase JSON); see profiles/default.json.</summary>
internal sealed record ProfileFileBody
{
    public double? VramBudgetGB { get; init; }
    public int? MaxLoadedModels { get; init; }
    public int? NumParallel { get; init; }
    public string? KeepAlive { get; init; }
    public double? TimeScale { get; init; }

    /// <summary>"ollama" (default), "vllm", "llamacpp", "sglang", "lmstudio", "deepseek" or "codestral".</summary>
    public string? Flavour { get; init; }
    public IReadOnlyList<ProfileModelBody>? Models { get; init; }
}

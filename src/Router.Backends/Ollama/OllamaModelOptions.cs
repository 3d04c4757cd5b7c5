namespace Router.Backends.Ollama;

/// <summary>Ollama's runtime "options" the router sets; null fields are left to the model's defaults.</summary>
public sealed record OllamaModelOptions
{
    /// <summary>Maximum tokens to generate; -1 means no limit.</summary>
    public int? NumPredict { get; init; }
    public double? Temperature { get; init; }
    public IReadOnlyList<string>? Stop { get; init; }

    /// <summary>Context window to allocate, in tokens.</summary>
    public int? NumCtx { get; init; }
}

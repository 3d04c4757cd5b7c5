namespace Router.Backends.Ollama;

/// <summary>The "details" of a model in /api/tags, /api/ps and /api/show.</summary>
public sealed record OllamaModelDetails
{
    public string? ParentModel { get; init; }
    public string? Format { get; init; }
    public string? Family { get; init; }
    public IReadOnlyList<string>? Families { get; init; }
    public string? ParameterSize { get; init; }
    public string? QuantizationLevel { get; init; }
}

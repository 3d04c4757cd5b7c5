namespace Router.Backends.Providers;

/// <summary>Sampling and size limits; null means the server's default.</summary>
public sealed record GenerationOptions
{
    public int? MaxTokens { get; init; }
    public double? Temperature { get; init; }
    public IReadOnlyList<string>? Stop { get; init; }
    public int? ContextTokens { get; init; }
}

namespace Router.Backends.OpenAi;

/// <summary>POST /v1/completions: a prompt with an optional suffix for fill-in-the-middle.</summary>
internal sealed record OpenAiCompletionRequest
{
    public required string Model { get; init; }
    public required string Prompt { get; init; }
    public string? Suffix { get; init; }
    public int? MaxTokens { get; init; }
    public double? Temperature { get; init; }
    public IReadOnlyList<string>? Stop { get; init; }
    public bool Stream { get; init; } = true;
    public OpenAiStreamOptions? StreamOptions { get; init; }
}

namespace Router.Backends.Ollama;

/// <summary>A model the host has pulled (/api/tags).</summary>
public sealed record OllamaModelEntry
{
    public string Name { get; init; } = "";
    public string? Model { get; init; }
    public DateTimeOffset? ModifiedAt { get; init; }
    public long Size { get; init; }
    public string? Digest { get; init; }
    public OllamaModelDetails? Details { get; init; }
}

namespace Router.Backends.Ollama;

/// <summary>A model loaded in memory now (/api/ps): how much of it sits in VRAM and when it will be unloaded.</summary>
public sealed record OllamaRunningModel
{
    public string Name { get; init; } = "";
    public string? Model { get; init; }
    public long Size { get; init; }
    public string? Digest { get; init; }
    public OllamaModelDetails? Details { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public long SizeVram { get; init; }

    /// <summary>Context length the model was loaded with (newer Ollama versions only).</summary>
    public int? ContextLength { get; init; }
}

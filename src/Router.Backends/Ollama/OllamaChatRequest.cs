using System.Text.Json.Serialization;

namespace Router.Backends.Ollama;

/// <summary>POST /api/chat.</summary>
public sealed record OllamaChatRequest
{
    public required string Model { get; init; }
    public required IReadOnlyList<OllamaChatMessage> Messages { get; init; }

    /// <summary>Set by <see cref="OllamaClient"/> according to the method called.</summary>
    public bool? Stream { get; init; }

    public OllamaModelOptions? Options { get; init; }

    [JsonConverter(typeof(KeepAliveJsonConverter))]
    public string? KeepAlive { get; init; }
}

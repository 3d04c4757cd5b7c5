using System.Text.Json.Serialization;

namespace Router.Backends.Ollama;

/// <summary>POST /api/generate: a prompt, with <see cref="Suffix"/> for fill-in-the-middle.</summary>
public sealed record OllamaGenerateRequest
{
    public required string Model { get; init; }
    public string? Prompt { get; init; }

    /// <summary>Text after the cursor; the model fills the middle (needs the "insert" capability).</summary>
    public string? Suffix { get; init; }

    public string? System { get; init; }

    /// <summary>True when the prompt already carries the model's template (no templating by Ollama).</summary>
    public bool? Raw { get; init; }

    /// <summary>Set by <see cref="OllamaClient"/> according to the method called.</summary>
    public bool? Stream { get; init; }

    public OllamaModelOptions? Options { get; init; }

    /// <summary>"5m", "1h", "0" (unload after), "-1" (keep forever); null leaves the server default.</summary>
    [JsonConverter(typeof(KeepAliveJsonConverter))]
    public string? KeepAlive { get; init; }
}

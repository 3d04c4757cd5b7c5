using System.Text.Json;
using System.Text.Json.Serialization;

namespace Router.Backends.Ollama;

/// <summary>POST /api/show: a model's template, details, GGUF metadata and capabilities.</summary>
public sealed record OllamaShowResponse
{
    public string? License { get; init; }
    public string? Modelfile { get; init; }
    public string? Parameters { get; init; }
    public string? Template { get; init; }
    public OllamaModelDetails? Details { get; init; }

    /// <summary>GGUF metadata, e.g. "general.architecture", "qwen2.context_length".</summary>
    public IReadOnlyDictionary<string, JsonElement>? ModelInfo { get; init; }

    /// <summary>"completion", "insert" (fill-in-the-middle), "vision", "tools", "thinking", ...</summary>
    public IReadOnlyList<string>? Capabilities { get; init; }

    public DateTimeOffset? ModifiedAt { get; init; }

    /// <summary>The trained context length ("&lt;architecture&gt;.context_length"), when reported.</summary>
    [JsonIgnore]
    public int? ContextLength
    {
        get
        {
            if (ModelInfo is null)
            {
                return null;
            }

            if (ModelInfo.TryGetValue("general.architecture", out var architecture)
                && architecture.ValueKind == JsonValueKind.String
                && ModelInfo.TryGetValue($"{architecture.GetString()}.context_length", out var exact)
                && exact.TryGetInt32(out var length))
            {
                return length;
            }

            foreach (var (key, value) in ModelInfo)
            {
                if (key.EndsWith(".context_length", StringComparison.Ordinal) && value.TryGetInt32(out var any))
                {
                    return any;
                }
            }

            return null;
        }
    }

    /// <summary>True when the model reports the capability (e.g. "insert" for fill-in-the-middle).</summary>
    public bool HasCapability(string capability) =>
        Capabilities?.Contains(capability, StringComparer.OrdinalIgnoreCase) ?? false;
}

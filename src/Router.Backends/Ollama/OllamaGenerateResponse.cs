using System.Text.Json.Serialization;

namespace Router.Backends.Ollama;

/// <summary>One chunk of /api/generate (or the whole answer when not streaming); the final one (Done) carries the timings.</summary>
public sealed record OllamaGenerateResponse
{
    public string Model { get; init; } = "";
    public DateTimeOffset? CreatedAt { get; init; }
    public string Response { get; init; } = "";
    public bool Done { get; init; }

    /// <summary>"stop", "length", "load" or "unload".</summary>
    public string? DoneReason { get; init; }

    public IReadOnlyList<int>? Context { get; init; }
    public long? TotalDuration { get; init; }
    public long? LoadDuration { get; init; }
    public int? PromptEvalCount { get; init; }
    public long? PromptEvalDuration { get; init; }
    public int? EvalCount { get; init; }
    public long? EvalDuration { get; init; }

    /// <summary>Ollama reports failures mid-stream as an {"error": ...} line.</summary>
    [JsonInclude]
    internal string? Error { get; init; }

    /// <summary>The final chunk's statistics as typed values; null on other chunks.</summary>
    [JsonIgnore]
    public OllamaTimings? Timings => Done
        ? new OllamaTimings(
            OllamaTimings.FromNanoseconds(TotalDuration),
            OllamaTimings.FromNanoseconds(LoadDuration),
            PromptEvalCount ?? 0,
            OllamaTimings.FromNanoseconds(PromptEvalDuration),
            EvalCount ?? 0,
            OllamaTimings.FromNanoseconds(EvalDuration),
            DoneReason)
        : null;
}

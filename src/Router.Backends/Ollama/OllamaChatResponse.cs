using System.Text.Json.Serialization;

namespace Router.Backends.Ollama;

/// <summary>One chunk of /api/chat (or the whole answer when not streaming); the final one (Done) carries the timings.</summary>
public sealed record OllamaChatResponse
{
    public string Model { get; init; } = "";
    public DateTimeOffset? CreatedAt { get; init; }
    public OllamaChatMessage? Message { get; init; }
    public bool Done { get; init; }
    public string? DoneReason { get; init; }
    public long? TotalDuration { get; init; }
    public long? LoadDuration { get; init; }
    public int? PromptEvalCount { get; init; }
    public long? PromptEvalDuration { get; init; }
    public int? EvalCount { get; init; }
    public long? EvalDuration { get; init; }

    [JsonInclude]
    internal string? Error { get; init; }

    /// <summary>The text of this chunk.</summary>
    [JsonIgnore]
    public string Content => Message?.Content ?? "";

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

namespace Router.Emulator.Wire;

/// <summary>One NDJSON line of /api/chat (or the whole answer when not streaming); timings only on the final one.</summary>
internal sealed record ChatChunkBody
{
    public required string Model { get; init; }
    public required string CreatedAt { get; init; }
    public required ChatMessageBody Message { get; init; }
    public required bool Done { get; init; }
    public string? DoneReason { get; init; }
    public long? TotalDuration { get; init; }
    public long? LoadDuration { get; init; }
    public int? PromptEvalCount { get; init; }
    public long? PromptEvalDuration { get; init; }
    public int? EvalCount { get; init; }
    public long? EvalDuration { get; init; }
}

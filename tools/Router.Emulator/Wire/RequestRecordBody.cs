namespace Router.Emulator.Wire;

/// <summary>One entry of GET /_emulator/requests.</summary>
internal sealed record RequestRecordBody
{
    public required long Id { get; init; }
    public required string Endpoint { get; init; }
    public string? Model { get; init; }
    public string? Prompt { get; init; }
    public string? Suffix { get; init; }
    public required bool Stream { get; init; }
    public string? KeepAlive { get; init; }
    public int? NumCtx { get; init; }

    /// <summary>Milliseconds of the cold load this request did; absent when it found its model loaded (or loading).</summary>
    public double? ColdLoadMs { get; init; }
    public int Tools { get; init; }
    public int Images { get; init; }
    public required string Outcome { get; init; }
    public required int Chunks { get; init; }
    public required string StartedAt { get; init; }
    public string? FinishedAt { get; init; }
}

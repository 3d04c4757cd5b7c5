namespace Router.Emulator.Wire;

/// <summary>One loaded model in /api/ps.</summary>
internal sealed record PsModelBody
{
    public required string Name { get; init; }
    public required string Model { get; init; }
    public required long Size { get; init; }
    public required string Digest { get; init; }
    public required ModelDetailsBody Details { get; init; }
    public required string ExpiresAt { get; init; }
    public required long SizeVram { get; init; }
    public required int ContextLength { get; init; }
}

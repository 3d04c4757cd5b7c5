namespace Router.Emulator.Wire;

/// <summary>One entry of /api/tags.</summary>
internal sealed record TagsModelBody
{
    public required string Name { get; init; }
    public required string Model { get; init; }
    public required string ModifiedAt { get; init; }
    public required long Size { get; init; }
    public required string Digest { get; init; }
    public required ModelDetailsBody Details { get; init; }
}

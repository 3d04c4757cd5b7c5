namespace Router.Emulator.Wire;

/// <summary>The "details" object shared by /api/tags, /api/ps and /api/show.</summary>
internal sealed record ModelDetailsBody
{
    public required string ParentModel { get; init; }
    public required string Format { get; init; }
    public required string Family { get; init; }
    public required IReadOnlyList<string> Families { get; init; }
    public required string ParameterSize { get; init; }
    public required string QuantizationLevel { get; init; }
}

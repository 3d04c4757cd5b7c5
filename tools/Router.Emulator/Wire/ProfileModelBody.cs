namespace Router.Emulator.Wire;

/// <summary>One model in the profile file; sizes in gigabytes (10^9 bytes), times in milliseconds.</summary>
internal sealed record ProfileModelBody
{
    public string? Name { get; init; }
    public string? Family { get; init; }
    public string? ParameterSize { get; init; }
    public string? QuantizationLevel { get; init; }
    public double? SizeGB { get; init; }
    public double? VramGB { get; init; }
    public int? ContextLength { get; init; }
    public IReadOnlyList<string>? Capabilities { get; init; }
    public double? TimeToFirstTokenMs { get; init; }
    public double? TokensPerSecond { get; init; }
    public double? ColdLoadMs { get; init; }
}

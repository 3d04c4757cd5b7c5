namespace Router.Emulator.Wire;

/// <summary>The body of POST /_emulator/faults: the switches to set, for one model or (model null) for all.</summary>
internal sealed record FaultsBody
{
    public string? Model { get; init; }
    public bool HostDown { get; init; }
    public bool Hang { get; init; }
    public int? ErrorStatus { get; init; }
    public string? ErrorBody { get; init; }
    public string? ErrorContentType { get; init; }
    public bool ServerError { get; init; }
    public bool ModelNotFound { get; init; }
    public int? CutAfterChunks { get; init; }
    public int? StallAfterChunks { get; init; }
    public string? Reply { get; init; }
}

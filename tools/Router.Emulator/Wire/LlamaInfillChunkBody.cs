namespace Router.Emulator.Wire;

/// <summary>One streamed /infill event: a piece of content, or with <c>stop</c> set the last one and its counts.</summary>
internal sealed record LlamaInfillChunkBody
{
    public string Content { get; init; } = "";
    public bool Stop { get; init; }
    public string? StopType { get; init; }
    public int? TokensPredicted { get; init; }
    public int? TokensEvaluated { get; init; }
}

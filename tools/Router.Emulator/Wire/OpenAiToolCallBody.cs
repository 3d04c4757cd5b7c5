namespace Router.Emulator.Wire;

/// <summary>One tool call in an OpenAI answer message or streamed delta (which also has its index).</summary>
internal sealed record OpenAiToolCallBody
{
    public int? Index { get; init; }
    public required string Id { get; init; }
    public string Type { get; init; } = "function";
    public required OpenAiFunctionCallBody Function { get; init; }
}

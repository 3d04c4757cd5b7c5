namespace Router.Emulator.Wire;

/// <summary>An answer message (non-streaming) or a streamed delta: role and content.</summary>
internal sealed record OpenAiDeltaBody
{
    public string? Role { get; init; }
    public string? Content { get; init; }
    public IReadOnlyList<OpenAiToolCallBody>? ToolCalls { get; init; }
}

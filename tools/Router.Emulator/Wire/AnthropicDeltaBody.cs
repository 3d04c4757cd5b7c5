namespace Router.Emulator.Wire;

/// <summary>A text_delta of content_block_delta, or the stop_reason of message_delta.</summary>
internal sealed record AnthropicDeltaBody
{
    public string? Type { get; init; }
    public string? Text { get; init; }
    public string? StopReason { get; init; }
    public string? StopSequence { get; init; }
}

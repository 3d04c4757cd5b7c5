namespace Router.Backends.Anthropic;

/// <summary>content_block_delta's delta (text_delta with text, input_json_delta with a piece of a tool's input; thinking_delta
/// and others are skipped) or message_delta's (stop_reason).</summary>
internal sealed record AnthropicDelta
{
    public string? Type { get; init; }
    public string? Text { get; init; }
    public string? PartialJson { get; init; }
    public string? StopReason { get; init; }
}

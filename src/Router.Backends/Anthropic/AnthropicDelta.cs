namespace Router.Backends.Anthropic;

/// <summary>content_block_delta's delta (type text_delta with text; thinking_delta, input_json_delta and others are skipped)
/// or message_delta's (stop_reason).</summary>
internal sealed record AnthropicDelta
{
    public string? Type { get; init; }
    public string? Text { get; init; }
    public string? StopReason { get; init; }
}

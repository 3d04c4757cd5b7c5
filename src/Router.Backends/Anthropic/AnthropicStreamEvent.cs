namespace Router.Backends.Anthropic;

/// <summary>The data of one server-sent event of a streamed message; which fields are set depends on <see cref="Type"/>
/// (message_start, content_block_start, content_block_delta, content_block_stop, message_delta, message_stop, ping, error).</summary>
internal sealed record AnthropicStreamEvent
{
    public string? Type { get; init; }
    public AnthropicMessageResponse? Message { get; init; }
    public int? Index { get; init; }

    /// <summary>content_block_start's block: a tool_use block names its id and tool here; its input follows in deltas.</summary>
    public AnthropicContentBlock? ContentBlock { get; init; }

    public AnthropicDelta? Delta { get; init; }
    public AnthropicUsage? Usage { get; init; }
    public AnthropicError? Error { get; init; }
}

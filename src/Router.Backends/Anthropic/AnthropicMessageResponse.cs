namespace Router.Backends.Anthropic;

/// <summary>A message: the whole answer of a request without streaming, or the empty start of a stream (message_start).</summary>
internal sealed record AnthropicMessageResponse
{
    public string? Id { get; init; }

    /// <summary>"message"; "error" when the body is an error in a 200 reply.</summary>
    public string? Type { get; init; }

    public string? Model { get; init; }
    public IReadOnlyList<AnthropicContentBlock>? Content { get; init; }
    public string? StopReason { get; init; }
    public AnthropicUsage? Usage { get; init; }
    public AnthropicError? Error { get; init; }
}

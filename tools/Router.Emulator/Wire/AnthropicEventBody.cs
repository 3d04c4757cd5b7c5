namespace Router.Emulator.Wire;

/// <summary>One server-sent event of a streamed Anthropic message; the fields used depend on Type.</summary>
internal sealed record AnthropicEventBody
{
    public required string Type { get; init; }
    public AnthropicMessageResponseBody? Message { get; init; }
    public int? Index { get; init; }
    public AnthropicContentBlockBody? ContentBlock { get; init; }
    public AnthropicDeltaBody? Delta { get; init; }
    public AnthropicUsageBody? Usage { get; init; }
}

namespace Router.Emulator.Wire;

/// <summary>Anthropic's usage; message_delta carries only output_tokens.</summary>
internal sealed record AnthropicUsageBody
{
    public int? InputTokens { get; init; }
    public int OutputTokens { get; init; }
}

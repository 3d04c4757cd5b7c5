namespace Router.Backends.Anthropic;

/// <summary>Token counts: message_start carries the input, message_delta the output so far (and, from newer hosts, the input again).
/// input_tokens leaves out what was written to or read from the prompt cache.</summary>
internal sealed record AnthropicUsage
{
    public int? InputTokens { get; init; }
    public int? OutputTokens { get; init; }
    public int? CacheCreationInputTokens { get; init; }
    public int? CacheReadInputTokens { get; init; }
}

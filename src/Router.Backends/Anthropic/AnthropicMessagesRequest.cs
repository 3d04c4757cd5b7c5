namespace Router.Backends.Anthropic;

/// <summary>POST /v1/messages: the model, the conversation and its limits.</summary>
internal sealed record AnthropicMessagesRequest
{
    public required string Model { get; init; }
    public required int MaxTokens { get; init; }

    /// <summary>The system prompt; null sends none.</summary>
    public string? System { get; init; }

    public required IReadOnlyList<AnthropicMessage> Messages { get; init; }
    public double? Temperature { get; init; }
    public IReadOnlyList<string>? StopSequences { get; init; }
    public bool Stream { get; init; }
}

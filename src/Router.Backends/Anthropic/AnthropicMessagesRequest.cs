namespace Router.Backends.Anthropic;

/// <summary>POST /v1/messages: the model, the conversation, its limits and the tools the model may call.</summary>
internal sealed record AnthropicMessagesRequest
{
    public required string Model { get; init; }
    public required int MaxTokens { get; init; }

    /// <summary>The system prompt; null sends none.</summary>
    public string? System { get; init; }

    public required IReadOnlyList<AnthropicMessage> Messages { get; init; }
    public double? Temperature { get; init; }
    public IReadOnlyList<string>? StopSequences { get; init; }

    /// <summary>The tools the model may call; null sends none.</summary>
    public IReadOnlyList<AnthropicTool>? Tools { get; init; }

    public AnthropicToolChoice? ToolChoice { get; init; }
    public bool Stream { get; init; }
}

namespace Router.Backends.Anthropic;

/// <summary>A content block: <c>{"type":"text","text":…}</c> or <c>{"type":"image","source":…}</c> in a request; in an answer
/// also "thinking" or "tool_use", whose fields the router does not read.</summary>
internal sealed record AnthropicContentBlock
{
    public required string Type { get; init; }
    public string? Text { get; init; }
    public AnthropicImageSource? Source { get; init; }

    public static AnthropicContentBlock OfText(string text) => new() { Type = "text", Text = text };
}

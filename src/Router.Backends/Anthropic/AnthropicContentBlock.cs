using System.Text.Json;

namespace Router.Backends.Anthropic;

/// <summary>A content block: <c>text</c>, <c>image</c> (a source), <c>tool_use</c> (id, name, input) and <c>tool_result</c>
/// (tool_use_id, content, is_error); in an answer also "thinking" and others, whose fields the router does not read.</summary>
internal sealed record AnthropicContentBlock
{
    public required string Type { get; init; }
    public string? Text { get; init; }
    public AnthropicImageSource? Source { get; init; }

    /// <summary>A tool_use block's id, which its tool_result names.</summary>
    public string? Id { get; init; }

    /// <summary>A tool_use block's tool.</summary>
    public string? Name { get; init; }

    /// <summary>A tool_use block's arguments, a JSON object.</summary>
    public JsonElement? Input { get; init; }

    public string? ToolUseId { get; init; }

    /// <summary>A tool_result block's text.</summary>
    public string? Content { get; init; }

    public bool? IsError { get; init; }

    public static AnthropicContentBlock OfText(string text) => new() { Type = "text", Text = text };
}

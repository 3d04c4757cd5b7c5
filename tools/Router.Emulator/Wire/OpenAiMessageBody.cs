using System.Text.Json;

namespace Router.Emulator.Wire;

/// <summary>An OpenAI request message; content is a string or an array of parts.</summary>
internal sealed record OpenAiMessageBody
{
    public string? Role { get; init; }
    public JsonElement? Content { get; init; }

    /// <summary>An assistant message's tool calls; a list.</summary>
    public JsonElement? ToolCalls { get; init; }

    /// <summary>A tool message's answer to this call.</summary>
    public string? ToolCallId { get; init; }
}

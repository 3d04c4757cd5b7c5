using System.Text.Json;

namespace Router.Emulator.Wire;

/// <summary>An Anthropic request message; content is a string or an array of blocks.</summary>
internal sealed record AnthropicMessageBody
{
    public string? Role { get; init; }
    public JsonElement? Content { get; init; }
}

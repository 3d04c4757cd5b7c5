using System.Text.Json;

namespace Router.Backends.Anthropic;

/// <summary>A tool the model may call: its name, what it does, and the JSON schema of its input.</summary>
internal sealed record AnthropicTool
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required JsonElement InputSchema { get; init; }
}

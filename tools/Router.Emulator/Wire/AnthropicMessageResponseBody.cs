using System.Text.Json.Serialization;

namespace Router.Emulator.Wire;

/// <summary>Anthropic's message object (the whole answer, or the start of a stream with empty content).</summary>
internal sealed record AnthropicMessageResponseBody
{
    public required string Id { get; init; }
    public string Type { get; init; } = "message";
    public string Role { get; init; } = "assistant";
    public required string Model { get; init; }
    public IReadOnlyList<AnthropicContentBlockBody> Content { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? StopReason { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? StopSequence { get; init; }

    public required AnthropicUsageBody Usage { get; init; }
}

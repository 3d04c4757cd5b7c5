using System.Text.Json;

namespace Router.Emulator.Wire;

/// <summary>The subset of Anthropic's POST /v1/messages request the emulator honours.</summary>
internal sealed record AnthropicRequestBody
{
    public string? Model { get; init; }
    public IReadOnlyList<AnthropicMessageBody>? Messages { get; init; }

    /// <summary>A string or an array of text blocks.</summary>
    public JsonElement? System { get; init; }
    public int? MaxTokens { get; init; }
    public double? Temperature { get; init; }
    public IReadOnlyList<string>? StopSequences { get; init; }
    public bool? Stream { get; init; }
}

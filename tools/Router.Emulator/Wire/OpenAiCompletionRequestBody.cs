using System.Text.Json;

namespace Router.Emulator.Wire;

/// <summary>The subset of OpenAI's legacy POST /v1/completions request the emulator honours (prompt + suffix for FIM).</summary>
internal sealed record OpenAiCompletionRequestBody
{
    public string? Model { get; init; }

    /// <summary>A string, or an array whose first string is used.</summary>
    public JsonElement? Prompt { get; init; }
    public string? Suffix { get; init; }
    public bool? Stream { get; init; }
    public OpenAiStreamOptionsBody? StreamOptions { get; init; }
    public int? MaxTokens { get; init; }
    public double? Temperature { get; init; }
    public JsonElement? Stop { get; init; }
}

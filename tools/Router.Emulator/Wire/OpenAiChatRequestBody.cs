using System.Text.Json;

namespace Router.Emulator.Wire;

/// <summary>The subset of OpenAI's POST /v1/chat/completions request the emulator honours.</summary>
internal sealed record OpenAiChatRequestBody
{
    public string? Model { get; init; }
    public IReadOnlyList<OpenAiMessageBody>? Messages { get; init; }
    public bool? Stream { get; init; }
    public OpenAiStreamOptionsBody? StreamOptions { get; init; }
    public int? MaxTokens { get; init; }
    public int? MaxCompletionTokens { get; init; }
    public double? Temperature { get; init; }

    /// <summary>The tools the model may call: a list of {type: function, function: {name, description, parameters}}.</summary>
    public JsonElement? Tools { get; init; }

    /// <summary>A string or an array of strings.</summary>
    public JsonElement? Stop { get; init; }
}

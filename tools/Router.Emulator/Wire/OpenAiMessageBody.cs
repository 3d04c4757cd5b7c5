using System.Text.Json;

namespace Router.Emulator.Wire;

/// <summary>An OpenAI request message; content is a string or an array of parts.</summary>
internal sealed record OpenAiMessageBody
{
    public string? Role { get; init; }
    public JsonElement? Content { get; init; }
}

using System.Text.Json.Serialization;

namespace Router.Emulator.Wire;

/// <summary>One choice of a chat completion (message), a chat chunk (delta) or a text completion (text).</summary>
internal sealed record OpenAiChoiceBody
{
    public int Index { get; init; }
    public OpenAiDeltaBody? Message { get; init; }
    public OpenAiDeltaBody? Delta { get; init; }
    public string? Text { get; init; }

    /// <summary>null until the last chunk, as OpenAI writes it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? FinishReason { get; init; }
}

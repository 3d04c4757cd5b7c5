using System.Text.Json.Serialization;

namespace Router.Emulator.Wire;

/// <summary>The inside of an OpenAI error.</summary>
internal sealed record OpenAiErrorDetailBody(
    string Message,
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Param,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Code);

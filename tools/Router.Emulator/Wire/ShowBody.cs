using System.Text.Json;

namespace Router.Emulator.Wire;

/// <summary>The answer of POST /api/show.</summary>
internal sealed record ShowBody
{
    public required string License { get; init; }
    public required string Modelfile { get; init; }
    public required string Parameters { get; init; }
    public required string Template { get; init; }
    public required ModelDetailsBody Details { get; init; }
    public required IReadOnlyDictionary<string, JsonElement> ModelInfo { get; init; }
    public required IReadOnlyList<string> Capabilities { get; init; }
    public required string ModifiedAt { get; init; }
}

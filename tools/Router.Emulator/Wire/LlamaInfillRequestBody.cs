using System.Text.Json;

namespace Router.Emulator.Wire;

/// <summary>POST /infill of llama.cpp's server, the fields the emulator honours.</summary>
internal sealed record LlamaInfillRequestBody
{
    public string? InputPrefix { get; init; }
    public string? InputSuffix { get; init; }
    public IReadOnlyList<LlamaInfillExtraBody>? InputExtra { get; init; }
    public string? Prompt { get; init; }
    public int? NPredict { get; init; }
    public double? Temperature { get; init; }
    public JsonElement? Stop { get; init; }
    public bool? Stream { get; init; }
}

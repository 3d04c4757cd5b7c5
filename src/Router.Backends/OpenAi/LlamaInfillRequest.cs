namespace Router.Backends.OpenAi;

/// <summary>POST /infill of llama.cpp's server: the server puts the model's own FIM tokens around prefix and suffix, with
/// other files' text from <c>input_extra</c> before them.</summary>
internal sealed record LlamaInfillRequest
{
    public required string InputPrefix { get; init; }
    public required string InputSuffix { get; init; }
    public IReadOnlyList<LlamaInfillExtra>? InputExtra { get; init; }
    public int? NPredict { get; init; }
    public double? Temperature { get; init; }
    public IReadOnlyList<string>? Stop { get; init; }
    public bool Stream { get; init; } = true;
}

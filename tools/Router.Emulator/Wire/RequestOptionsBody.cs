namespace Router.Emulator.Wire;

/// <summary>The subset of Ollama's runtime options the emulator honours.</summary>
internal sealed record RequestOptionsBody
{
    public int? NumPredict { get; init; }
    public double? Temperature { get; init; }
    public IReadOnlyList<string>? Stop { get; init; }
    public int? NumCtx { get; init; }
}

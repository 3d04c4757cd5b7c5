namespace Router.Runtime.Inventory;

/// <summary>What a host says about one model; a null field means unknown (the host can't tell, or the probe failed).</summary>
/// <param name="Present">The host has the model (Ollama <c>/api/tags</c>, OpenAI <c>/v1/models</c>).</param>
/// <param name="Loaded">The model is in memory now (Ollama <c>/api/ps</c>), so no cold load is paid.</param>
/// <param name="SupportsInsert">Fill-in-the-middle through <c>suffix</c> (Ollama's <c>insert</c> capability).</param>
/// <param name="SupportsVision">The model accepts images.</param>
/// <param name="ContextTokens">The model's context length as the host reports it; overrides the config's estimate.</param>
public sealed record ModelStatus(bool? Present, bool? Loaded, bool? SupportsInsert, bool? SupportsVision, int? ContextTokens)
{
    /// <summary>The model's size on disk (Ollama's <c>/api/tags</c>), what a cold load reads; null when unknown.</summary>
    public long? SizeBytes { get; init; }

    /// <summary>Nothing known.</summary>
    public static ModelStatus Unknown { get; } = new(null, null, null, null, null);
}

namespace Router.Core.Placement;

/// <summary>How the host runs a model, which decides its memory beyond the weights.</summary>
public sealed record VramEstimateOptions
{
    /// <summary>The context the model is loaded with (<c>num_ctx</c>); null takes Ollama's default of 4096.</summary>
    public int? ContextTokens { get; init; }

    /// <summary>Requests the host serves at once per model (<c>OLLAMA_NUM_PARALLEL</c>); each has its own share of the cache.</summary>
    public int Parallel { get; init; } = 1;

    public KvCacheType CacheType { get; init; } = KvCacheType.F16;

    /// <summary>Flash attention (<c>OLLAMA_FLASH_ATTENTION</c>) never materialises the attention scores; a quantised cache needs it.</summary>
    public bool FlashAttention { get; init; }

    /// <summary>Tokens evaluated in one step (llama.cpp's physical batch, 512 in Ollama).</summary>
    public int BatchTokens { get; init; } = 512;

    /// <summary>Ollama's default context when a request names none.</summary>
    public const int DefaultContextTokens = 4096;
}

namespace Router.Core.Placement;

/// <summary>The element type of a host's KV cache (Ollama's <c>OLLAMA_KV_CACHE_TYPE</c>); quantised types need flash attention.</summary>
public enum KvCacheType
{
    F16,

    /// <summary>q8_0.</summary>
    Q8,

    /// <summary>q4_0.</summary>
    Q4,
}

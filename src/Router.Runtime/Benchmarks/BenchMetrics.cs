namespace Router.Runtime.Benchmarks;

/// <summary>The names `router bench` stores its metrics under; units are in the names.</summary>
public static class BenchMetrics
{
    /// <summary>Time to the first token, wall clock, warm model.</summary>
    public const string TimeToFirstTokenMs = "ttft_ms";

    /// <summary>Ollama's load_duration plus prompt_eval_duration: the host's own view of the time to the first token.</summary>
    public const string HostTimeToFirstTokenMs = "host_ttft_ms";

    /// <summary>The whole answer, wall clock.</summary>
    public const string TotalMs = "total_ms";

    public const string PromptTokensPerSecond = "prompt_tok_s";

    public const string GenerationTokensPerSecond = "gen_tok_s";

    /// <summary>The share of a repeated prompt the host did not evaluate again (0–1).</summary>
    public const string PromptCacheHitRate = "prompt_cache_hit";

    /// <summary>Ollama's load_duration after the model was unloaded (<c>--cold</c>).</summary>
    public const string ColdLoadMs = "cold_load_ms";

    /// <summary>Time to the first token, wall clock, right after the model was unloaded (<c>--cold</c>).</summary>
    public const string ColdTimeToFirstTokenMs = "cold_ttft_ms";

    /// <summary>Fill-in-the-middle next-line exact match (0–1) over the bundled tasks.</summary>
    public const string FimExactMatch = "fim_exact";

    /// <summary>Fill-in-the-middle next-line edit similarity (0–1) over the bundled tasks.</summary>
    public const string FimEditSimilarity = "fim_edit_similarity";
}

using Router.Core.Placement;

namespace Router.Core.Tests.Placement;

public sealed class VramEstimatorTests
{
    private const double GiB = 1 << 30;

    /// <summary>Published full-offload figures, each with the model's shape as its source prints it.</summary>
    /// <remarks>
    /// gguf-parser-go's README (https://github.com/gpustack/gguf-parser-go, README.md, "Overview"): its ESTIMATE tables, VRAM 0
    /// NONUMA column, flash attention disabled, batch 2048/512, at each model's full context. "EMBEDDING GQA" there is
    /// heads / KV heads.
    /// Ollama's server log for gemma3:27b at num_ctx 2048 (https://github.com/ollama/ollama/issues/9685): memory.required.full
    /// = 18.8 GiB, the size /api/ps reported; weights are the ollama.com library's 17 GB for gemma3:27b. Ollama 0.6.0 counted
    /// the full context on every layer (memory.required.kv 992 MiB) where this estimate counts Gemma 3's sliding window.
    /// </remarks>
    public static TheoryData<string, double, ModelShape, int, double> PublishedFigures => new()
    {
        { "Hermes-2-Pro-Mistral-7B Q5_K_M (gguf-parser-go)", 4.78 * GiB, Shape("llama", 32, 32, 8, 128, 4096, 32032), 32768, 11.16 * GiB },
        { "Qwen2-72B-Instruct Q6_K (gguf-parser-go)", 59.92 * GiB, Shape("qwen2", 80, 64, 8, 128, 8192, 152064), 32768, 73.47 * GiB },
        { "Nous-Hermes-2-Mixtral-8x7B-DPO Q3_K_M (gguf-parser-go)", 21 * GiB, Shape("llama", 32, 32, 8, 128, 4096, 32002), 32768, 27.41 * GiB },
        { "Meta-Llama-3.1-405B-Instruct Q2_K (gguf-parser-go)", 140.81 * GiB, Shape("llama", 126, 128, 16, 128, 16384, 128256), 131072, 299.79 * GiB },
        { "Llama-3.1-405B-Inst IQ1_M (gguf-parser-go)", 88.61 * GiB, Shape("llama", 126, 128, 16, 128, 16384, 128256), 131072, 247.59 * GiB },
        { "gemma3:27b at num_ctx 2048 (Ollama log, ollama#9685)", 17e9, Gemma3_27b, 2048, 18.8 * GiB },
    };

    /// <summary>Gemma 3 27B as its config.json and GGUF state it: 62 layers, 32 query and 16 KV heads of 128, a 1024-token
    /// window on five layers of six, a 262,144-token vocabulary.</summary>
    private static ModelShape Gemma3_27b => ModelShape.FromModelInfo(new Dictionary<string, object?>
    {
        ["general.architecture"] = "gemma3",
        ["gemma3.block_count"] = 62L,
        ["gemma3.attention.head_count"] = 32L,
        ["gemma3.attention.head_count_kv"] = 16L,
        ["gemma3.attention.key_length"] = 128L,
        ["gemma3.attention.value_length"] = 128L,
        ["gemma3.embedding_length"] = 5376L,
        ["gemma3.context_length"] = 131072L,
        ["gemma3.attention.sliding_window"] = 1024L,
        ["gemma3.vocab_size"] = 262144L,
    })!;

    [Theory]
    [MemberData(nameof(PublishedFigures))]
    public void The_estimate_is_within_ten_percent_of_a_published_figure(string model, double weights, ModelShape shape, int context, double published)
    {
        VramEstimate estimate = VramEstimator.Estimate(shape, (long)weights, new VramEstimateOptions { ContextTokens = context });

        double error = (estimate.Total - published) / published;
        Assert.True(Math.Abs(error) <= 0.10, $"{model}: estimated {estimate.Total / GiB:0.00} GiB, published {published / GiB:0.00} GiB ({error:+0.0%;-0.0%})");
    }

    [Fact]
    public void Grouped_query_attention_caches_only_the_kv_heads()
    {
        // Qwen2.5-7B: 28 layers, 4 KV heads of 128 for 28 query heads; llama.cpp logs "KV self size = 112.00 MiB" at 2048
        // (https://github.com/JamePeng/llama-cpp-python/pull/1).
        ModelShape qwen7b = Shape("qwen2", 28, 28, 4, 128, 3584, 152064);

        VramEstimate estimate = VramEstimator.Estimate(qwen7b, 0, new VramEstimateOptions { ContextTokens = 2048 });

        Assert.Equal(112L << 20, estimate.KvCache);
    }

    [Fact]
    public void Sliding_window_layers_keep_the_window_and_one_batch()
    {
        ModelShape full = Gemma3_27b with { SlidingWindow = 0, SlidingLayers = [] };

        long withWindow = VramEstimator.Estimate(Gemma3_27b, 0, new VramEstimateOptions { ContextTokens = 32768 }).KvCache;
        long without = VramEstimator.Estimate(full, 0, new VramEstimateOptions { ContextTokens = 32768 }).KvCache;

        // 10 global layers hold 32768 cells, 52 sliding ones 1024 + 512.
        long perCell = 16L * 256 * 2;
        Assert.Equal(perCell * ((10L * 32768) + (52L * 1536)), withWindow);
        Assert.Equal(perCell * 62 * 32768, without);
    }

    [Fact]
    public void Gemma2_alternates_sliding_and_global_layers()
    {
        ModelShape gemma2 = ModelShape.FromModelInfo(new Dictionary<string, object?>
        {
            ["general.architecture"] = "gemma2",
            ["gemma2.block_count"] = 42L,
            ["gemma2.attention.head_count"] = 16L,
            ["gemma2.attention.head_count_kv"] = 8L,
            ["gemma2.attention.key_length"] = 256L,
            ["gemma2.attention.value_length"] = 256L,
            ["gemma2.embedding_length"] = 3584L,
            ["gemma2.attention.sliding_window"] = 4096L,
        })!;

        Assert.Equal(21, gemma2.SlidingLayers.Count(s => s));
        Assert.False(gemma2.SlidingLayers[1]);
        Assert.True(gemma2.SlidingLayers[0]);
    }

    [Theory]
    [InlineData(KvCacheType.Q8, 34.0 / 64)]
    [InlineData(KvCacheType.Q4, 18.0 / 64)]
    public void A_quantised_cache_shrinks_by_its_bytes_per_element(KvCacheType type, double ratio)
    {
        ModelShape llama8b = Shape("llama", 32, 32, 8, 128, 4096, 128256);

        long f16 = VramEstimator.Estimate(llama8b, 0, new VramEstimateOptions { ContextTokens = 8192, FlashAttention = true }).KvCache;
        long quantised = VramEstimator.Estimate(llama8b, 0, new VramEstimateOptions { ContextTokens = 8192, FlashAttention = true, CacheType = type }).KvCache;

        Assert.Equal(1L << 30, f16);
        Assert.Equal(f16 * ratio, quantised, 0);
    }

    [Fact]
    public void Parallel_requests_multiply_the_cache()
    {
        ModelShape llama8b = Shape("llama", 32, 32, 8, 128, 4096, 128256);

        long one = VramEstimator.Estimate(llama8b, 0, new VramEstimateOptions { ContextTokens = 4096 }).KvCache;
        long four = VramEstimator.Estimate(llama8b, 0, new VramEstimateOptions { ContextTokens = 4096, Parallel = 4 }).KvCache;

        Assert.Equal(4 * one, four);
    }

    [Fact]
    public void What_the_host_reports_once_loaded_wins_over_the_estimate()
    {
        VramEstimate estimate = VramEstimator.Estimate(Gemma3_27b, 17_000_000_000, new VramEstimateOptions { ContextTokens = 2048 });

        VramEstimate corrected = estimate.CorrectedBy(20_186_000_000);

        Assert.Equal(20_186_000_000, corrected.Total);
        Assert.Equal(estimate.Estimated, corrected.Estimated);
    }

    [Fact]
    public void Model_info_without_its_architecture_or_layers_gives_no_shape()
    {
        Assert.Null(ModelShape.FromModelInfo(new Dictionary<string, object?> { ["llama.block_count"] = 32L }));
        Assert.Null(ModelShape.FromModelInfo(new Dictionary<string, object?> { ["general.architecture"] = "llama" }));
    }

    [Fact]
    public void Per_layer_kv_heads_leave_recurrent_layers_without_cache()
    {
        ModelShape hybrid = ModelShape.FromModelInfo(new Dictionary<string, object?>
        {
            ["general.architecture"] = "qwen35",
            ["qwen35.block_count"] = 4L,
            ["qwen35.attention.head_count"] = 16L,
            ["qwen35.attention.head_count_kv"] = new List<object?> { 0L, 0L, 0L, 4L },
            ["qwen35.attention.key_length"] = 256L,
            ["qwen35.attention.value_length"] = 256L,
            ["qwen35.embedding_length"] = 4096L,
        })!;

        long kv = VramEstimator.Estimate(hybrid, 0, new VramEstimateOptions { ContextTokens = 1000 }).KvCache;

        Assert.Equal(4L * 512 * 1000 * 2, kv);
    }

    private static ModelShape Shape(string arch, int layers, int heads, int kvHeads, int headLength, int embedding, int vocabulary) => new(
        arch, layers, heads, Enumerable.Repeat(kvHeads, layers).ToList(), headLength, headLength, embedding, 0, vocabulary, 0, []);
}

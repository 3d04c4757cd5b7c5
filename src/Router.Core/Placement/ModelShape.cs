using System.Collections;
using System.Globalization;

namespace Router.Core.Placement;

/// <summary>The attention shape of a model as its GGUF metadata states it (Ollama's <c>/api/show</c> <c>model_info</c>), what its
/// KV cache and compute buffers depend on.</summary>
/// <param name="KvHeadsPerLayer">KV heads of each layer; fewer than the query heads is grouped-query attention, zero is a
/// layer with no KV cache (a recurrent layer).</param>
/// <param name="SlidingLayers">Which layers attend only to the last <see cref="SlidingWindow"/> tokens; empty when none do.</param>
public sealed record ModelShape(
    string Architecture,
    int BlockCount,
    int HeadCount,
    IReadOnlyList<int> KvHeadsPerLayer,
    int KeyLength,
    int ValueLength,
    int EmbeddingLength,
    int ContextLength,
    int VocabularySize,
    int SlidingWindow,
    IReadOnlyList<bool> SlidingLayers)
{
    /// <summary>Used when model_info names no vocabulary size: about the size of today's common vocabularies (Llama 3, Qwen).</summary>
    public const int DefaultVocabularySize = 152_064;

    /// <summary>Every n-th layer attends globally, the others through the window, for families whose GGUF says the window but
    /// not the pattern (llama.cpp and Ollama hold the same numbers): Gemma 2 alternates, Gemma 3 has five local layers to one
    /// global, Cohere 2 three to one.</summary>
    private static readonly Dictionary<string, int> GlobalEvery = new(StringComparer.Ordinal)
    {
        ["gemma2"] = 2,
        ["gemma3"] = 6,
        ["cohere2"] = 4,
    };

    /// <summary>Reads the shape from <c>model_info</c>: numbers as long, int or double (or their text), arrays as any list.
    /// Null when the architecture or a field the estimate cannot do without (layers, heads, embedding) is missing.</summary>
    public static ModelShape? FromModelInfo(IReadOnlyDictionary<string, object?> info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (!info.TryGetValue("general.architecture", out object? archValue) || archValue is not string arch || arch.Length == 0)
        {
            return null;
        }

        int? blocks = Int(info, $"{arch}.block_count");
        int? heads = Int(info, $"{arch}.attention.head_count") ?? First(info, $"{arch}.attention.head_count");
        int? embedding = Int(info, $"{arch}.embedding_length");
        if (blocks is not > 0 || heads is not > 0 || embedding is not > 0)
        {
            return null;
        }

        int layers = blocks.Value;
        IReadOnlyList<int> kvHeads = Ints(info, $"{arch}.attention.head_count_kv") is { Count: > 0 } perLayer && perLayer.Count == layers
            ? perLayer
            : Enumerable.Repeat(Int(info, $"{arch}.attention.head_count_kv") ?? heads.Value, layers).ToList();
        int headLength = embedding.Value / heads.Value;
        int window = Int(info, $"{arch}.attention.sliding_window") ?? 0;
        return new ModelShape(
            arch,
            layers,
            heads.Value,
            kvHeads,
            Int(info, $"{arch}.attention.key_length") ?? headLength,
            Int(info, $"{arch}.attention.value_length") ?? headLength,
            embedding.Value,
            Int(info, $"{arch}.context_length") ?? 0,
            Int(info, $"{arch}.vocab_size") ?? DefaultVocabularySize,
            window,
            window > 0 ? SlidingPattern(info, arch, layers) : []);
    }

    /// <summary>Which layers slide: the GGUF's own per-layer pattern when it has one, else the family's known pattern; a window
    /// with neither is counted as global on every layer, which can only over-estimate.</summary>
    private static List<bool> SlidingPattern(IReadOnlyDictionary<string, object?> info, string arch, int layers)
    {
        if (info.TryGetValue($"{arch}.attention.sliding_window_pattern", out object? pattern))
        {
            if (pattern is IEnumerable list and not string)
            {
                List<bool> flags = list.Cast<object?>().Select(v => v is bool b ? b : Convert.ToInt64(v, CultureInfo.InvariantCulture) != 0).ToList();
                if (flags.Count == layers)
                {
                    return flags;
                }
            }
            else if (AsLong(pattern) is > 1 and var every)
            {
                return Enumerable.Range(0, layers).Select(i => (i + 1) % every != 0).ToList();
            }
        }

        return GlobalEvery.TryGetValue(arch, out int n)
            ? Enumerable.Range(0, layers).Select(i => (i + 1) % n != 0).ToList()
            : Enumerable.Repeat(false, layers).ToList();
    }

    private static int? Int(IReadOnlyDictionary<string, object?> info, string key) =>
        info.TryGetValue(key, out object? value) && AsLong(value) is { } n && n is >= 0 and <= int.MaxValue ? (int)n : null;

    private static int? First(IReadOnlyDictionary<string, object?> info, string key) => Ints(info, key)?.FirstOrDefault(n => n > 0);

    private static List<int>? Ints(IReadOnlyDictionary<string, object?> info, string key) =>
        info.TryGetValue(key, out object? value) && value is IEnumerable list and not string
            ? list.Cast<object?>().Select(v => (int)Math.Clamp(AsLong(v) ?? 0, 0, int.MaxValue)).ToList()
            : null;

    private static long? AsLong(object? value) => value switch
    {
        long n => n,
        int n => n,
        uint n => n,
        double d when double.IsFinite(d) && d == Math.Floor(d) && Math.Abs(d) < 1e18 => (long)d,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) => n,
        _ => null,
    };
}

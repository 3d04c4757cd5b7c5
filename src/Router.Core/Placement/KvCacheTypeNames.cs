namespace Router.Core.Placement;

/// <summary>Names and sizes of <see cref="KvCacheType"/>.</summary>
public static class KvCacheTypeNames
{
    /// <summary>Bytes one cached element takes: q8_0 and q4_0 store 32 values in 34 and 18 bytes (a scale and the quants).</summary>
    public static double BytesPerElement(this KvCacheType type) => type switch
    {
        KvCacheType.Q8 => 34.0 / 32,
        KvCacheType.Q4 => 18.0 / 32,
        _ => 2,
    };

    public static string Name(this KvCacheType type) => type switch
    {
        KvCacheType.Q8 => "q8_0",
        KvCacheType.Q4 => "q4_0",
        _ => "f16",
    };

    /// <summary>Reads "f16", "q8_0" or "q4_0" as Ollama names them; anything else is false.</summary>
    public static bool TryParse(string? text, out KvCacheType type)
    {
        type = KvCacheType.F16;
        switch (text?.Trim().ToUpperInvariant())
        {
            case "F16":
                return true;
            case "Q8_0":
                type = KvCacheType.Q8;
                return true;
            case "Q4_0":
                type = KvCacheType.Q4;
                return true;
            default:
                return false;
        }
    }
}

namespace Router.Emulator;

/// <summary>The transformer dimensions GGUF metadata carries and /api/show reports under model_info as
/// "&lt;architecture&gt;.block_count" and the like. Taken from real models of about the same size.</summary>
internal sealed record ModelShape(
    long ParameterCount, int BlockCount, int EmbeddingLength, int HeadCount, int HeadCountKv, int FeedForwardLength)
{
    // Qwen2.5 0.5B to 32B and Llama 3 8B and 70B, as their GGUF files state them.
    private static readonly ModelShape[] Known =
    [
        new(494_032_768, 24, 896, 14, 2, 4864),
        new(1_543_714_304, 28, 1536, 12, 2, 8960),
        new(3_085_938_688, 36, 2048, 16, 2, 11008),
        new(7_615_616_512, 28, 3584, 28, 4, 18944),
        new(8_030_261_248, 32, 4096, 32, 8, 14336),
        new(14_770_033_664, 48, 5120, 40, 8, 13824),
        new(32_763_876_352, 64, 5120, 40, 8, 27648),
        new(70_553_706_496, 80, 8192, 64, 8, 28672),
    ];

    /// <summary>Size of one attention head: the width of its keys and of its values.</summary>
    public int HeadLength => EmbeddingLength / HeadCount;

    /// <summary>The known shape closest in size to a model of <paramref name="parameterCount"/> parameters.</summary>
    public static ModelShape For(long parameterCount) =>
        Known.MinBy(shape => Math.Abs(Math.Log(Math.Max(parameterCount, 1)) - Math.Log(shape.ParameterCount)))!;
}

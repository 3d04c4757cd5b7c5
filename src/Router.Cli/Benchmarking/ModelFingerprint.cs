namespace Router.Cli.Benchmarking;

/// <summary>What a host says about one model it served in the run: digest, family, size, quantisation, and how much of it
/// sat in GPU memory (<c>/api/ps</c> size_vram against size).</summary>
internal sealed record ModelFingerprint(
    string Name,
    string? Digest,
    string? Family,
    string? ParameterSize,
    string? Quantization,
    long? SizeBytes,
    long? LoadedBytes,
    long? VramBytes,
    bool? CanFillInTheMiddle)
{
    /// <summary>The share of the loaded model in GPU memory (1 = all of it); null when the host did not show it loaded.</summary>
    public double? GpuShare => LoadedBytes is > 0 && VramBytes is { } vram ? Math.Min(1, (double)vram / LoadedBytes.Value) : null;
}

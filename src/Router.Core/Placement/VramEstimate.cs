namespace Router.Core.Placement;

/// <summary>What a loaded model takes in GPU memory, in bytes, by part.</summary>
/// <param name="Weights">The model file's tensors (vision projector included when the size given holds it).</param>
/// <param name="KvCache">Keys and values of every layer for the context the model is loaded with.</param>
/// <param name="Compute">The compute buffer of one batch: logits, or the attention scores, whichever is larger.</param>
/// <param name="Overhead">The runner's own buffers beyond these (<see cref="VramEstimator.RunnerOverheadBytes"/>).</param>
/// <param name="Observed">What the host reported once the model was loaded (<c>size_vram</c>), when known; it wins over the sum.</param>
public sealed record VramEstimate(long Weights, long KvCache, long Compute, long Overhead, long? Observed = null)
{
    /// <summary>The bytes to plan with: the host's own figure when it has one, else the sum of the parts.</summary>
    public long Total => Observed ?? Estimated;

    /// <summary>The sum of the parts, before any correction.</summary>
    public long Estimated => Weights + KvCache + Compute + Overhead;

    /// <summary>This estimate corrected by what the host reported for the loaded model.</summary>
    public VramEstimate CorrectedBy(long sizeVram) => this with { Observed = sizeVram > 0 ? sizeVram : null };

    /// <summary>Only the weights, for a model whose shape is unknown (no model_info): a lower bound.</summary>
    public static VramEstimate WeightsOnly(long weights) => new(weights, 0, 0, VramEstimator.RunnerOverheadBytes);
}

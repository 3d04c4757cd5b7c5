using System.Collections.Concurrent;
using Router.Core.Placement;

namespace Router.Runtime.Placement;

/// <summary>What each host reported a loaded model to take (<c>size_vram</c> in <c>/api/ps</c>), per host and model: it
/// corrects the estimate from then on, since the host knows its own allocations best.</summary>
public sealed class VramCorrections
{
    private readonly ConcurrentDictionary<(string Endpoint, string Model), long> _observed = new();

    public void Note(string endpoint, string model, long sizeVram)
    {
        if (sizeVram > 0)
        {
            _observed[(endpoint, model)] = sizeVram;
        }
    }

    public long? Observed(string endpoint, string model) => _observed.TryGetValue((endpoint, model), out long size) ? size : null;

    /// <summary>The estimate, corrected when the host has reported the model loaded.</summary>
    public VramEstimate Correct(string endpoint, string model, VramEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return Observed(endpoint, model) is { } size ? estimate.CorrectedBy(size) : estimate;
    }
}

namespace Router.Emulator;

/// <summary>A model currently held in (emulated) memory; mutated only under the residency's lock.</summary>
internal sealed class ResidentModel(ModelProfile profile, long sizeVram)
{
    public ModelProfile Profile { get; } = profile;
    public long SizeVram { get; } = sizeVram;
    public DateTimeOffset LastUsed { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int ActiveRequests { get; set; }

    /// <summary>Completes when the (emulated) load has finished.</summary>
    public TaskCompletionSource Loaded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

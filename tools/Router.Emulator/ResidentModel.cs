namespace Router.Emulator;

/// <summary>A model currently held in (emulated) memory, as Ollama's scheduler holds a runner; mutated only under the residency's lock.</summary>
internal sealed class ResidentModel(ModelProfile profile, long sizeVram, int parallel)
{
    public ModelProfile Profile { get; } = profile;
    public long SizeVram { get; } = sizeVram;
    public DateTimeOffset LastUsed { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The keep_alive of the last request that used it: the eviction order's first key.</summary>
    public TimeSpan SessionDuration { get; set; }

    /// <summary>Requests holding the model, answering or waiting for a slot (Ollama's refCount).</summary>
    public int ActiveRequests { get; set; }

    /// <summary>Set when the scheduler chose this model to make room: it unloads as soon as it is idle.</summary>
    public bool Evicting { get; set; }

    /// <summary>Completes when the (emulated) load has finished.</summary>
    public TaskCompletionSource Loaded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the model has left memory.</summary>
    public TaskCompletionSource Unloaded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The prompt of its last answer, which the runner's KV cache still holds (<see cref="EmulatorOptions.PromptCache"/>);
    /// read and written under a lock on this model.</summary>
    public string? CachedPrompt { get; set; }

    /// <summary>OLLAMA_NUM_PARALLEL slots: requests beyond them wait here in arrival order.</summary>
    public SemaphoreSlim Slots { get; } = new(parallel, parallel);
}

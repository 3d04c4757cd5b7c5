namespace Router.Emulator;

/// <summary>Which models are loaded: least-recently-used eviction under a VRAM budget and a model count,
/// and keep_alive expiry, as Ollama's scheduler behaves.</summary>
internal sealed class ModelResidency(EmulatorOptions options)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ResidentModel> loaded = new(StringComparer.Ordinal);

    /// <summary>Marks the model in use, making room for it (evicting others) when it is not loaded. Cold is true for the
    /// request that must perform the load (and then call <see cref="MarkLoaded"/>); Loaded completes when the model is ready.</summary>
    public (bool Cold, Task Loaded) Acquire(ModelProfile profile, TimeSpan keepAlive)
    {
        var now = options.Clock.GetUtcNow();
        lock (gate)
        {
            PurgeExpired(now);
            var cold = false;
            if (!loaded.TryGetValue(profile.Name, out var model))
            {
                cold = true;
                MakeRoomFor(profile);
                var free = options.VramBudgetBytes - loaded.Values.Sum(m => m.SizeVram);

                // A model larger than what is free is partly offloaded to the CPU, as Ollama does.
                model = new ResidentModel(profile, Math.Clamp(free, 0, profile.VramBytes));
                loaded[profile.Name] = model;
            }

            model.ActiveRequests++;
            model.LastUsed = now;
            model.ExpiresAt = ExpiryFrom(now, keepAlive);
            return (cold, model.Loaded.Task);
        }
    }

    /// <summary>The load finished: requests waiting on it go ahead.</summary>
    public void MarkLoaded(ModelProfile profile)
    {
        lock (gate)
        {
            if (loaded.TryGetValue(profile.Name, out var model))
            {
                model.Loaded.TrySetResult();
            }
        }
    }

    /// <summary>Ends one use; the keep_alive clock starts now, and keep_alive 0 unloads at once.</summary>
    public void Release(ModelProfile profile, TimeSpan keepAlive)
    {
        var now = options.Clock.GetUtcNow();
        lock (gate)
        {
            if (!loaded.TryGetValue(profile.Name, out var model))
            {
                return;
            }

            model.ActiveRequests = Math.Max(0, model.ActiveRequests - 1);

            // A load abandoned midway (client gone) counts as done, so no other request waits forever.
            model.Loaded.TrySetResult();
            model.LastUsed = now;
            model.ExpiresAt = ExpiryFrom(now, keepAlive);
            if (keepAlive == TimeSpan.Zero && model.ActiveRequests == 0)
            {
                loaded.Remove(profile.Name);
            }
        }
    }

    public void Unload(string name)
    {
        lock (gate)
        {
            if (loaded.TryGetValue(name, out var model) && model.ActiveRequests == 0)
            {
                loaded.Remove(name);
            }
        }
    }

    /// <summary>The loaded models, most recently used first.</summary>
    public IReadOnlyList<ResidentModelSnapshot> Snapshot()
    {
        lock (gate)
        {
            PurgeExpired(options.Clock.GetUtcNow());
            return loaded.Values
                .OrderByDescending(m => m.LastUsed)
                .Select(m => new ResidentModelSnapshot(m.Profile, m.SizeVram, m.ExpiresAt))
                .ToList();
        }
    }

    private void MakeRoomFor(ModelProfile profile)
    {
        while (loaded.Count >= options.MaxLoadedModels
               || loaded.Values.Sum(m => m.SizeVram) + profile.VramBytes > options.VramBudgetBytes)
        {
            var idle = loaded.Values.Where(m => m.ActiveRequests == 0).MinBy(m => m.LastUsed);
            if (idle is null)
            {
                // Everything is busy: Ollama would queue; the emulator over-commits instead of blocking tests.
                return;
            }

            loaded.Remove(idle.Profile.Name);
        }
    }

    private void PurgeExpired(DateTimeOffset now)
    {
        foreach (var model in loaded.Values.Where(m => m.ActiveRequests == 0 && m.ExpiresAt <= now).ToList())
        {
            loaded.Remove(model.Profile.Name);
        }
    }

    private static DateTimeOffset ExpiryFrom(DateTimeOffset now, TimeSpan keepAlive) =>
        keepAlive == KeepAliveParser.Forever || keepAlive > DateTimeOffset.MaxValue - now - TimeSpan.FromDays(1)
            ? DateTimeOffset.MaxValue
            : now + keepAlive;
}

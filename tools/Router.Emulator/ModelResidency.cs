namespace Router.Emulator;

/// <summary>Which models are loaded and who may use them, as Ollama's scheduler (server/sched.go) decides: at most
/// OLLAMA_MAX_LOADED_MODELS within the VRAM budget; to make room it unloads the idle model with the shortest keep_alive,
/// ties broken by the model's blob path (its digest), and when none is idle it waits for the one with the shortest
/// keep_alive to finish; loads are scheduled one at a time; each model answers OLLAMA_NUM_PARALLEL requests at once and
/// queues the rest; keep_alive expiry unloads an idle model.</summary>
#pragma warning disable CA1001 // Its semaphore never allocates a wait handle (only WaitAsync is used): nothing to dispose.
internal sealed class ModelResidency(EmulatorOptions options)
#pragma warning restore CA1001
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ResidentModel> loaded = new(StringComparer.Ordinal);

    // Ollama's scheduler takes one pending request at a time and holds the rest until that one has its runner.
    private readonly SemaphoreSlim scheduling = new(1, 1);

    /// <summary>Gives the request its hold on the model, loading it when it is not resident: this waits, as Ollama does,
    /// while a busy model must finish before it can be unloaded to make room. A lease that is <see cref="ModelLease.Cold"/>
    /// must load the model and call <see cref="MarkLoaded"/>.</summary>
    public async Task<ModelLease> AcquireAsync(ModelProfile profile, TimeSpan keepAlive, CancellationToken cancellationToken)
    {
        await scheduling.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                Task mustUnload;
                lock (gate)
                {
                    var now = options.Clock.GetUtcNow();
                    PurgeExpired(now);
                    if (loaded.TryGetValue(profile.Name, out var model) && !model.Evicting)
                    {
                        return Hold(model, cold: false, keepAlive, now);
                    }

                    var victim = model ?? VictimFor(profile);
                    if (victim is null)
                    {
                        var free = options.VramBudgetBytes - loaded.Values.Sum(m => m.SizeVram);

                        // A model larger than what is free is partly offloaded to the CPU, as Ollama does.
                        model = new ResidentModel(profile, Math.Clamp(free, 0, profile.VramBytes), options.NumParallel);
                        loaded[profile.Name] = model;
                        return Hold(model, cold: true, keepAlive, now);
                    }

                    victim.Evicting = true;
                    if (victim.ActiveRequests == 0)
                    {
                        Remove(victim);
                        continue;
                    }

                    mustUnload = victim.Unloaded.Task;
                }

                await mustUnload.WaitAsync(cancellationToken);
            }
        }
        finally
        {
            scheduling.Release();
        }
    }

    /// <summary>The load finished: requests waiting on it go ahead.</summary>
    public static void MarkLoaded(ModelLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lease.Model.Loaded.TrySetResult();
    }

    /// <summary>Waits for one of the model's OLLAMA_NUM_PARALLEL slots; requests beyond them queue in arrival order.</summary>
    public static async Task WaitForSlotAsync(ModelLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await lease.Model.Slots.WaitAsync(cancellationToken);
        lease.HoldsSlot = true;
    }

    /// <summary>Ends one use; the keep_alive clock starts now, and keep_alive 0 (or an eviction waiting) unloads at once.</summary>
    public void Release(ModelLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var now = options.Clock.GetUtcNow();
        lock (gate)
        {
            if (lease.Released)
            {
                return;
            }

            lease.Released = true;
            var model = lease.Model;
            if (lease.HoldsSlot)
            {
                model.Slots.Release();
            }

            model.ActiveRequests = Math.Max(0, model.ActiveRequests - 1);

            // A load abandoned midway (client gone) counts as done, so no other request waits forever.
            model.Loaded.TrySetResult();
            model.LastUsed = now;
            model.ExpiresAt = ExpiryFrom(now, model.SessionDuration);
            if (model.ActiveRequests == 0 && (model.SessionDuration == TimeSpan.Zero || model.Evicting))
            {
                Remove(model);
            }
        }
    }

    /// <summary>Unloads the model now if no request holds it (an empty prompt with keep_alive 0).</summary>
    public void Unload(string name)
    {
        lock (gate)
        {
            if (loaded.TryGetValue(name, out var model) && model.ActiveRequests == 0)
            {
                Remove(model);
            }
        }
    }

    /// <summary>The loaded models as /api/ps lists them: the longest time left (to the second) first, then the most recently used.</summary>
    public IReadOnlyList<ResidentModelSnapshot> Snapshot()
    {
        lock (gate)
        {
            PurgeExpired(options.Clock.GetUtcNow());
            return loaded.Values
                .OrderByDescending(m => m.ExpiresAt.ToUnixTimeSeconds())
                .ThenByDescending(m => m.LastUsed)
                .Select(m => new ResidentModelSnapshot(m.Profile, m.SizeVram, m.ExpiresAt))
                .ToList();
        }
    }

    /// <summary>Ollama's ordering of runners to unload (ByDurationAndName): keep_alive as an unsigned number, so a negative
    /// one ("forever") comes last, then the model's blob path, here "sha256-" and its digest.</summary>
    internal static IEnumerable<ResidentModel> UnloadOrder(IEnumerable<ResidentModel> models) =>
        models
            .OrderBy(m => unchecked((ulong)DurationNanoseconds(m.SessionDuration)))
            .ThenBy(m => "sha256-" + ModelCatalog.Digest(m.Profile), StringComparer.Ordinal);

    private static ModelLease Hold(ResidentModel model, bool cold, TimeSpan keepAlive, DateTimeOffset now)
    {
        model.ActiveRequests++;
        model.LastUsed = now;
        model.SessionDuration = keepAlive;
        model.ExpiresAt = ExpiryFrom(now, keepAlive);
        return new ModelLease(model, cold);
    }

    /// <summary>The model to unload before <paramref name="profile"/> can load; null when it fits. With room for one more
    /// model and enough VRAM nothing goes; the first model always loads, partly offloaded if need be.</summary>
    private ResidentModel? VictimFor(ModelProfile profile)
    {
        var full = loaded.Count >= options.MaxLoadedModels
            || (loaded.Count > 0 && loaded.Values.Sum(m => m.SizeVram) + profile.VramBytes > options.VramBudgetBytes);
        if (!full)
        {
            return null;
        }

        // An idle model first; when all are busy, the one with the shortest keep_alive, which unloads when it is done.
        var order = UnloadOrder(loaded.Values).ToList();
        return order.FirstOrDefault(m => m.ActiveRequests == 0) ?? order[0];
    }

    private void Remove(ResidentModel model)
    {
        loaded.Remove(model.Profile.Name);
        model.Unloaded.TrySetResult();
    }

    private void PurgeExpired(DateTimeOffset now)
    {
        foreach (var model in loaded.Values.Where(m => m.ActiveRequests == 0 && m.ExpiresAt <= now).ToList())
        {
            Remove(model);
        }
    }

    private static long DurationNanoseconds(TimeSpan duration) =>
        duration == KeepAliveParser.Forever || duration < TimeSpan.Zero ? -1 : duration.Ticks > long.MaxValue / 100 ? long.MaxValue : duration.Ticks * 100;

    private static DateTimeOffset ExpiryFrom(DateTimeOffset now, TimeSpan keepAlive) =>
        keepAlive == KeepAliveParser.Forever || keepAlive > DateTimeOffset.MaxValue - now - TimeSpan.FromDays(1)
            ? DateTimeOffset.MaxValue
            : now + keepAlive;
}

namespace Router.Emulator.Tests;

/// <summary>The scheduler rules of Ollama's server/sched.go, on the residency alone.</summary>
public sealed class ModelResidencyTests
{
    private static readonly ModelProfile Coder = BuiltInModelProfiles.All[0];
    private static readonly ModelProfile Small = BuiltInModelProfiles.All[1];
    private static readonly ModelProfile Thinker = BuiltInModelProfiles.All[2];
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    private static ModelResidency Residency(int maxLoaded = 3, int parallel = 1) =>
        new(new EmulatorOptions { MaxLoadedModels = maxLoaded, NumParallel = parallel });

    private static string[] Loaded(ModelResidency residency) => residency.Snapshot().Select(m => m.Profile.Name).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Second_request_during_a_cold_load_waits_for_that_load_instead_of_loading_again()
    {
        var residency = Residency();

        var first = await residency.AcquireAsync(Coder, FiveMinutes, EmulatorHttp.Deadline());
        var second = await residency.AcquireAsync(Coder, FiveMinutes, EmulatorHttp.Deadline());

        Assert.True(first.Cold);
        Assert.False(second.Cold);
        Assert.False(second.Loaded.IsCompleted);

        ModelResidency.MarkLoaded(first);

        Assert.True(second.Loaded.IsCompletedSuccessfully);
        Assert.Same(first.Loaded, second.Loaded);
    }

    [Fact]
    public async Task At_the_limit_a_new_model_waits_for_the_busy_one_to_finish_then_replaces_it()
    {
        var residency = Residency(maxLoaded: 1);
        var busy = await residency.AcquireAsync(Coder, FiveMinutes, EmulatorHttp.Deadline());

        var waiting = residency.AcquireAsync(Small, FiveMinutes, EmulatorHttp.Deadline());
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        Assert.Equal([Coder.Name], Loaded(residency));

        residency.Release(busy);
        var lease = await waiting;

        Assert.True(lease.Cold);
        Assert.Equal([Small.Name], Loaded(residency));
    }

    [Fact]
    public async Task The_idle_model_with_the_shortest_keep_alive_is_unloaded_first_even_if_it_was_used_last()
    {
        var residency = Residency(maxLoaded: 2);
        residency.Release(await residency.AcquireAsync(Coder, TimeSpan.FromMinutes(30), EmulatorHttp.Deadline()));
        residency.Release(await residency.AcquireAsync(Small, TimeSpan.FromMinutes(2), EmulatorHttp.Deadline()));

        residency.Release(await residency.AcquireAsync(Thinker, FiveMinutes, EmulatorHttp.Deadline()));

        Assert.Equal(new[] { Thinker.Name, Coder.Name }.Order(StringComparer.Ordinal), Loaded(residency));
    }

    [Fact]
    public async Task A_model_kept_forever_is_unloaded_last()
    {
        var residency = Residency(maxLoaded: 2);
        residency.Release(await residency.AcquireAsync(Coder, KeepAliveParser.Forever, EmulatorHttp.Deadline()));
        residency.Release(await residency.AcquireAsync(Small, TimeSpan.FromHours(10), EmulatorHttp.Deadline()));

        residency.Release(await residency.AcquireAsync(Thinker, FiveMinutes, EmulatorHttp.Deadline()));

        Assert.Contains(Coder.Name, Loaded(residency));
        Assert.DoesNotContain(Small.Name, Loaded(residency));
    }

    [Fact]
    public async Task With_equal_keep_alives_the_tie_goes_by_blob_path_not_by_recency()
    {
        var residency = Residency(maxLoaded: 2);
        var (sortsFirst, sortsLast) = string.CompareOrdinal(ModelCatalog.Digest(Coder), ModelCatalog.Digest(Small)) < 0 ? (Coder, Small) : (Small, Coder);

        // The model whose blob path (sha256-<digest>) sorts first goes, though it was used last.
        residency.Release(await residency.AcquireAsync(sortsLast, FiveMinutes, EmulatorHttp.Deadline()));
        residency.Release(await residency.AcquireAsync(sortsFirst, FiveMinutes, EmulatorHttp.Deadline()));
        residency.Release(await residency.AcquireAsync(Thinker, FiveMinutes, EmulatorHttp.Deadline()));

        Assert.DoesNotContain(sortsFirst.Name, Loaded(residency));
        Assert.Contains(sortsLast.Name, Loaded(residency));
    }

    [Fact]
    public async Task Requests_past_num_parallel_queue_for_a_slot_in_arrival_order()
    {
        var residency = Residency(parallel: 2);
        var leases = new List<ModelLease>();
        for (var i = 0; i < 4; i++)
        {
            leases.Add(await residency.AcquireAsync(Small, FiveMinutes, EmulatorHttp.Deadline()));
        }

        await ModelResidency.WaitForSlotAsync(leases[0], EmulatorHttp.Deadline());
        await ModelResidency.WaitForSlotAsync(leases[1], EmulatorHttp.Deadline());
        var third = ModelResidency.WaitForSlotAsync(leases[2], EmulatorHttp.Deadline());
        var fourth = ModelResidency.WaitForSlotAsync(leases[3], EmulatorHttp.Deadline());
        Assert.False(third.IsCompleted);

        residency.Release(leases[0]);
        await third;
        Assert.False(fourth.IsCompleted);

        residency.Release(leases[1]);
        await fourth;
    }

    [Fact]
    public async Task Model_larger_than_free_vram_is_partly_offloaded()
    {
        var residency = new ModelResidency(new EmulatorOptions { VramBudgetBytes = 5_000_000_000 });

        await residency.AcquireAsync(Coder, FiveMinutes, EmulatorHttp.Deadline());

        var loaded = Assert.Single(residency.Snapshot());
        Assert.Equal(5_000_000_000, loaded.SizeVram);
    }
}

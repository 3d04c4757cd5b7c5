namespace Router.Emulator.Tests;

public sealed class ModelResidencyTests
{
    private static readonly ModelProfile Coder = BuiltInModelProfiles.All[0];

    [Fact]
    public void Second_request_during_a_cold_load_waits_for_that_load_instead_of_loading_again()
    {
        var residency = new ModelResidency(new EmulatorOptions());

        var (firstCold, firstLoaded) = residency.Acquire(Coder, TimeSpan.FromMinutes(5));
        var (secondCold, secondLoaded) = residency.Acquire(Coder, TimeSpan.FromMinutes(5));

        Assert.True(firstCold);
        Assert.False(secondCold);
        Assert.False(secondLoaded.IsCompleted);

        residency.MarkLoaded(Coder);

        Assert.True(secondLoaded.IsCompletedSuccessfully);
        Assert.Same(firstLoaded, secondLoaded);
    }

    [Fact]
    public void Busy_model_is_not_evicted_even_when_over_the_limit()
    {
        var residency = new ModelResidency(new EmulatorOptions { MaxLoadedModels = 1 });
        var small = BuiltInModelProfiles.All[1];

        residency.Acquire(Coder, TimeSpan.FromMinutes(5));
        residency.Acquire(small, TimeSpan.FromMinutes(5));

        Assert.Equal(2, residency.Snapshot().Count);
    }

    [Fact]
    public void Model_larger_than_free_vram_is_partly_offloaded()
    {
        var residency = new ModelResidency(new EmulatorOptions { VramBudgetBytes = 5_000_000_000 });

        residency.Acquire(Coder, TimeSpan.FromMinutes(5));

        var loaded = Assert.Single(residency.Snapshot());
        Assert.Equal(5_000_000_000, loaded.SizeVram);
    }
}

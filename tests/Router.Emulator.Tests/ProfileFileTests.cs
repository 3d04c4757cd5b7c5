namespace Router.Emulator.Tests;

public sealed class ProfileFileTests
{
    [Fact]
    public async Task Shipped_sample_profile_loads_and_matches_the_built_in_models()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "profiles", "default.json");

        var options = await EmulatorProfileFile.LoadAsync(path, CancellationToken.None);

        Assert.Equal(BuiltInModelProfiles.All.Count, options.Models.Count);
        foreach (var (loaded, builtIn) in options.Models.Zip(BuiltInModelProfiles.All))
        {
            Assert.Equal(builtIn with { Capabilities = loaded.Capabilities }, loaded);
            Assert.Equal(builtIn.Capabilities, loaded.Capabilities);
        }

        Assert.Equal(24_000_000_000, options.VramBudgetBytes);
        Assert.Equal(3, options.MaxLoadedModels);
        Assert.Equal(1, options.NumParallel);
        Assert.Equal(TimeSpan.FromMinutes(5), options.DefaultKeepAlive);
    }

    [Fact]
    public void Missing_fields_take_defaults()
    {
        var options = EmulatorProfileFile.Parse("""{ "timeScale": 0, "models": [ { "name": "tiny:1b", "coldLoadMs": 10 } ] }""", "test.json");

        var model = Assert.Single(options.Models);
        Assert.Equal("tiny:1b", model.Name);
        Assert.Equal(TimeSpan.FromMilliseconds(10), model.ColdLoad);
        Assert.Equal(0, options.TimeScale);
    }

    [Theory]
    [InlineData("""{ "models": [ { "family": "x" } ] }""", "no name")]
    [InlineData("""{ "maxLoadedModels": 0 }""", "MaxLoadedModels")]
    [InlineData("""{ "numParallel": 0 }""", "NumParallel")]
    [InlineData("""{ "keepAlive": "later" }""", "keepAlive")]
    [InlineData("""{ "vramBudget": 3 }""", "vramBudget")]
    public void Bad_files_fail_with_a_message_naming_the_file_and_the_problem(string json, string mentioned)
    {
        var error = Assert.Throws<FormatException>(() => EmulatorProfileFile.Parse(json, "my.json"));

        Assert.StartsWith("my.json:", error.Message, StringComparison.Ordinal);
        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }
}

using static Router.Emulator.Tests.EmulatorHttp;

namespace Router.Emulator.Tests;

public sealed class ModelListingTests
{
    [Fact]
    public async Task Tags_lists_every_profile_in_Ollamas_shape()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var tags = await GetAsync(http, "api/tags");

        var models = tags.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(BuiltInModelProfiles.All.Select(m => m.Name), models.Select(m => m.GetProperty("name").GetString()));
        var coder = models[0];
        Assert.Equal(Sorted("name", "model", "modified_at", "size", "digest", "details"), PropertyNames(coder));
        Assert.Equal(
            Sorted("parent_model", "format", "family", "families", "parameter_size", "quantization_level"),
            PropertyNames(coder.GetProperty("details")));
        Assert.Equal("gguf", coder.GetProperty("details").GetProperty("format").GetString());
        Assert.Equal(64, coder.GetProperty("digest").GetString()!.Length);
    }

    [Fact]
    public async Task Show_reports_capabilities_and_context_length_in_model_info()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (response, show) = await PostAsync(http, "api/show", """{"model":"qwen2.5-coder:14b"}""");

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(
            Sorted("license", "modelfile", "parameters", "template", "details", "model_info", "capabilities", "modified_at"),
            PropertyNames(show));
        Assert.Equal(32768, show.GetProperty("model_info").GetProperty("qwen2.context_length").GetInt32());
        Assert.Equal("qwen2", show.GetProperty("model_info").GetProperty("general.architecture").GetString());
        var capabilities = show.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("insert", capabilities);
        Assert.Contains("completion", capabilities);
    }

    [Fact]
    public async Task Show_of_an_unknown_model_answers_404()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (response, body) = await PostAsync(http, "api/show", """{"model":"ghost:7b"}""");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Contains("not found", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_answers_a_version_string()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var version = await GetAsync(http, "api/version");

        Assert.Equal(Sorted("version"), PropertyNames(version));
        Assert.False(string.IsNullOrEmpty(version.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task Ps_shows_a_loaded_model_with_size_vram_and_expiry()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero));
        await using var emulator = await StartAsync(new EmulatorOptions { TimeScale = 0, Clock = clock });
        using var http = Client(emulator);
        await PostAsync(http, "api/generate", """{"model":"qwen2.5:3b","prompt":"hi","stream":false}""");

        var ps = await GetAsync(http, "api/ps");

        var model = Assert.Single(ps.GetProperty("models").EnumerateArray());
        Assert.Equal(
            Sorted("name", "model", "size", "digest", "details", "expires_at", "size_vram", "context_length"),
            PropertyNames(model));
        Assert.Equal(2_600_000_000, model.GetProperty("size_vram").GetInt64());
        Assert.Equal(clock.GetUtcNow().AddMinutes(5), DateTimeOffset.Parse(model.GetProperty("expires_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }
}

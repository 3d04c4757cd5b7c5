using static Router.Emulator.Tests.EmulatorHttp;

namespace Router.Emulator.Tests;

public sealed class ResidencyTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);

    private static async Task<List<string>> PsNamesAsync(HttpClient http) =>
        (await GetAsync(http, "api/ps")).GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToList();

    private static async Task Generate(HttpClient http, string model, string keepAlive = "")
    {
        var (response, _) = await PostAsync(http, "api/generate", $$"""{"model":"{{model}}","prompt":"hello","stream":false{{keepAlive}}}""");
        response.Dispose();
    }

    /// <summary>A streamed qwen2.5:3b answer that stalls after its first chunk (the model's fault is set by the caller), holding the model busy.</summary>
    private static async Task<HttpResponseMessage> StalledGenerateAsync(HttpClient http, EmulatorServer emulator, CancellationToken cancellationToken)
    {
        var response = await http.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, new Uri("api/generate", UriKind.Relative)) { Content = Json("""{"model":"qwen2.5:3b","prompt":"hi"}""") },
            HttpCompletionOption.ResponseHeadersRead,
            cancellationToken);
        await emulator.WaitForRequestAsync(r => r.Chunks == 1, Deadline());
        return response;
    }

    [Fact]
    public async Task Max_loaded_models_unloads_the_idle_model_with_the_shortest_keep_alive_not_the_least_recently_used()
    {
        var clock = new ManualClock(Start);
        await using var emulator = await StartAsync(new EmulatorOptions { TimeScale = 0, MaxLoadedModels = 2, Clock = clock });
        using var http = Client(emulator);

        await Generate(http, "qwen2.5:3b", ""","keep_alive":"1h" """);
        clock.Advance(TimeSpan.FromSeconds(1));
        await Generate(http, "granite3.2-vision:2b", ""","keep_alive":"10m" """);
        clock.Advance(TimeSpan.FromSeconds(1));
        await Generate(http, "deepseek-r1:8b");

        // Least-recently-used would have unloaded qwen2.5:3b; Ollama unloads the shorter keep_alive.
        Assert.Equal(["qwen2.5:3b", "deepseek-r1:8b"], await PsNamesAsync(http));
    }

    [Fact]
    public async Task A_request_for_a_new_model_waits_while_the_only_slot_is_busy_then_takes_its_place()
    {
        await using var emulator = await StartAsync(new EmulatorOptions { TimeScale = 0, MaxLoadedModels = 1 });
        using var http = Client(emulator);
        emulator.SetFaults(new EmulatorFaultSet { StallAfterChunks = 1 }, "qwen2.5:3b");
        using var stalled = new CancellationTokenSource();
        using var busy = await StalledGenerateAsync(http, emulator, stalled.Token);

        var next = PostAsync(http, "api/generate", """{"model":"deepseek-r1:8b","prompt":"hi","stream":false}""");
        await Task.Delay(100);
        Assert.False(next.IsCompleted);
        Assert.Equal(["qwen2.5:3b"], emulator.LoadedModels);

        await stalled.CancelAsync();
        busy.Dispose();
        var (response, _) = await next;

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(["deepseek-r1:8b"], emulator.LoadedModels);
    }

    [Fact]
    public async Task Requests_to_one_model_past_num_parallel_wait_for_a_free_slot()
    {
        await using var emulator = await StartAsync(new EmulatorOptions { TimeScale = 0, NumParallel = 1 });
        using var http = Client(emulator);
        emulator.SetFaults(new EmulatorFaultSet { StallAfterChunks = 1 }, "qwen2.5:3b");
        using var stalled = new CancellationTokenSource();
        using var first = await StalledGenerateAsync(http, emulator, stalled.Token);
        emulator.ClearFaults();

        var second = PostAsync(http, "api/generate", """{"model":"qwen2.5:3b","prompt":"again","stream":false}""");
        await Task.Delay(100);
        Assert.False(second.IsCompleted);

        await stalled.CancelAsync();
        first.Dispose();
        var (response, body) = await second;

        Assert.True(response.IsSuccessStatusCode);
        Assert.True(body.GetProperty("done").GetBoolean());
    }

    [Fact]
    public async Task With_num_parallel_two_a_second_request_is_answered_while_the_first_stalls()
    {
        await using var emulator = await StartAsync(new EmulatorOptions { TimeScale = 0, NumParallel = 2 });
        using var http = Client(emulator);
        emulator.SetFaults(new EmulatorFaultSet { StallAfterChunks = 1 }, "qwen2.5:3b");
        using var stalled = new CancellationTokenSource();
        using var first = await StalledGenerateAsync(http, emulator, stalled.Token);
        emulator.ClearFaults();

        var (response, _) = await PostAsync(http, "api/generate", """{"model":"qwen2.5:3b","prompt":"again","stream":false}""");

        Assert.True(response.IsSuccessStatusCode);
        await stalled.CancelAsync();
    }

    [Fact]
    public async Task Vram_budget_evicts_until_the_new_model_fits()
    {
        var clock = new ManualClock(Start);
        await using var emulator = await StartAsync(new EmulatorOptions { TimeScale = 0, MaxLoadedModels = 5, Clock = clock });
        using var http = Client(emulator);

        await Generate(http, "qwen2.5:3b");
        clock.Advance(TimeSpan.FromSeconds(1));
        await Generate(http, "qwen2.5-coder:14b");
        clock.Advance(TimeSpan.FromSeconds(1));

        // 2.6 + 10.6 + 21.5 GB exceeds 24 GB; freeing the 3b alone is not enough, so both go.
        await Generate(http, "qwen2.5-coder:32b");

        Assert.Equal(["qwen2.5-coder:32b"], await PsNamesAsync(http));
    }

    [Fact]
    public async Task Keep_alive_expiry_unloads_the_model()
    {
        var clock = new ManualClock(Start);
        await using var emulator = await StartAsync(new EmulatorOptions { TimeScale = 0, Clock = clock });
        using var http = Client(emulator);

        await Generate(http, "qwen2.5:3b", ""","keep_alive":"30s" """);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(["qwen2.5:3b"], await PsNamesAsync(http));

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(await PsNamesAsync(http));
    }

    [Fact]
    public async Task Default_keep_alive_is_the_configured_one()
    {
        var clock = new ManualClock(Start);
        await using var emulator = await StartAsync(new EmulatorOptions { TimeScale = 0, Clock = clock, DefaultKeepAlive = TimeSpan.FromMinutes(1) });
        using var http = Client(emulator);

        await Generate(http, "qwen2.5:3b");
        clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Empty(await PsNamesAsync(http));
    }

    [Fact]
    public async Task Keep_alive_zero_unloads_right_after_the_answer()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        await Generate(http, "qwen2.5:3b", ""","keep_alive":0""");

        Assert.Empty(await PsNamesAsync(http));
    }

    [Fact]
    public async Task Negative_keep_alive_keeps_the_model_forever()
    {
        var clock = new ManualClock(Start);
        await using var emulator = await StartAsync(new EmulatorOptions { TimeScale = 0, Clock = clock });
        using var http = Client(emulator);

        await Generate(http, "qwen2.5:3b", ""","keep_alive":-1""");
        clock.Advance(TimeSpan.FromDays(365));

        Assert.Equal(["qwen2.5:3b"], await PsNamesAsync(http));
    }

    [Fact]
    public async Task Cold_load_reports_the_profiles_load_time_and_a_warm_one_much_less()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (_, cold) = await PostAsync(http, "api/generate", """{"model":"qwen2.5-coder:14b","prompt":"a","stream":false}""");
        var (_, warm) = await PostAsync(http, "api/generate", """{"model":"qwen2.5-coder:14b","prompt":"b","stream":false}""");

        Assert.Equal(6_000_000_000, cold.GetProperty("load_duration").GetInt64());
        Assert.True(warm.GetProperty("load_duration").GetInt64() < 100_000_000);
    }

    [Fact]
    public async Task Invalid_keep_alive_is_rejected_with_400()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (response, body) = await PostAsync(http, "api/generate", """{"model":"qwen2.5:3b","prompt":"a","keep_alive":"soon"}""");

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("invalid duration", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}

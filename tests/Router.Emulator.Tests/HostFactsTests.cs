using System.Globalization;
using static Router.Emulator.Tests.EmulatorHttp;

namespace Router.Emulator.Tests;

/// <summary>The facts a router learns about a host (capabilities, context length, loaded models, cold loads) as the emulator serves them per profile.</summary>
public sealed class HostFactsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Show_reports_the_gguf_metadata_ollama_reports_under_model_info()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (_, show) = await PostAsync(http, "api/show", """{"model":"qwen2.5-coder:14b"}""");

        var info = show.GetProperty("model_info");
        Assert.Equal("qwen2", info.GetProperty("general.architecture").GetString());
        Assert.Equal(15, info.GetProperty("general.file_type").GetInt32());
        Assert.Equal(14_800_000_000, info.GetProperty("general.parameter_count").GetInt64());
        Assert.Equal(48, info.GetProperty("qwen2.block_count").GetInt32());
        Assert.Equal(5120, info.GetProperty("qwen2.embedding_length").GetInt32());
        Assert.Equal(40, info.GetProperty("qwen2.attention.head_count").GetInt32());
        Assert.Equal(8, info.GetProperty("qwen2.attention.head_count_kv").GetInt32());
        Assert.Equal(128, info.GetProperty("qwen2.attention.key_length").GetInt32());
        Assert.Equal(128, info.GetProperty("qwen2.attention.value_length").GetInt32());
        Assert.Equal(32768, info.GetProperty("qwen2.context_length").GetInt32());
        Assert.Equal(0, info.GetProperty("tokenizer.ggml.tokens").GetArrayLength());
        Assert.Equal(["completion", "insert", "tools"], show.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Show_of_a_vision_model_reports_vision_without_insert_and_its_architectures_context_length()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var (_, show) = await PostAsync(http, "api/show", """{"model":"granite3.2-vision:2b"}""");

        var capabilities = show.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("vision", capabilities);
        Assert.DoesNotContain("insert", capabilities);
        Assert.Equal("granite", show.GetProperty("model_info").GetProperty("general.architecture").GetString());
        Assert.Equal(16384, show.GetProperty("model_info").GetProperty("granite.context_length").GetInt32());
    }

    [Fact]
    public async Task Show_follows_each_profiles_capabilities_and_context_length()
    {
        var profile = new ModelProfile { Name = "custom-coder:7b", Family = "starcoder2", ContextLength = 4096, Capabilities = ["completion", "insert"] };
        await using var emulator = await StartAsync(new EmulatorOptions { TimeScale = 0, Models = [profile] });
        using var http = Client(emulator);

        var (_, show) = await PostAsync(http, "api/show", """{"name":"custom-coder:7b"}""");

        Assert.Equal(["completion", "insert"], show.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(4096, show.GetProperty("model_info").GetProperty("starcoder2.context_length").GetInt32());
    }

    [Fact]
    public async Task A_name_without_tag_means_latest_in_show_and_generate()
    {
        await using var emulator = await StartAsync(new EmulatorOptions { TimeScale = 0, Models = [new ModelProfile { Name = "tinyllama:latest" }] });
        using var http = Client(emulator);

        var (show, _) = await PostAsync(http, "api/show", """{"model":"tinyllama"}""");
        var (generate, _) = await PostAsync(http, "api/generate", """{"model":"tinyllama","prompt":"hi","stream":false}""");

        Assert.True(show.IsSuccessStatusCode);
        Assert.True(generate.IsSuccessStatusCode);
        Assert.Equal(["tinyllama:latest"], emulator.LoadedModels);
    }

    [Fact]
    public async Task Ps_lists_every_loaded_model_most_recent_first_each_with_size_vram_and_expiry()
    {
        var clock = new ManualClock(Start);
        await using var emulator = await StartAsync(new EmulatorOptions { TimeScale = 0, Clock = clock });
        using var http = Client(emulator);
        await PostAsync(http, "api/generate", """{"model":"qwen2.5:3b","prompt":"a","stream":false}""");
        clock.Advance(TimeSpan.FromMinutes(1));
        await PostAsync(http, "api/generate", """{"model":"qwen2.5-coder:14b","prompt":"b","stream":false,"keep_alive":"10m"}""");

        var models = (await GetAsync(http, "api/ps")).GetProperty("models").EnumerateArray().ToList();

        Assert.Equal(["qwen2.5-coder:14b", "qwen2.5:3b"], models.Select(m => m.GetProperty("name").GetString()));
        Assert.Equal([10_600_000_000, 2_600_000_000], models.Select(m => m.GetProperty("size_vram").GetInt64()));
        Assert.Equal(
            [Start.AddMinutes(11), Start.AddMinutes(5)],
            models.Select(m => DateTimeOffset.Parse(m.GetProperty("expires_at").GetString()!, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_streamed_chat_reports_load_duration_on_its_final_line_for_a_cold_load_only()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);
        const string Chat = """{"model":"deepseek-r1:8b","messages":[{"role":"user","content":"why?"}]}""";

        var (_, cold) = await PostStreamAsync(http, "api/chat", Chat);
        var (_, warm) = await PostStreamAsync(http, "api/chat", Chat);

        Assert.Equal(4_000_000_000, cold[^1].GetProperty("load_duration").GetInt64());
        Assert.True(warm[^1].GetProperty("load_duration").GetInt64() < 100_000_000);
        Assert.False(cold[0].TryGetProperty("load_duration", out _));
    }

    [Fact]
    public async Task V1_models_lists_exactly_the_profiles_as_OpenAI_model_objects()
    {
        await using var emulator = await StartAsync();
        using var http = Client(emulator);

        var data = (await GetAsync(http, "v1/models")).GetProperty("data").EnumerateArray().ToList();

        Assert.Equal(BuiltInModelProfiles.All.Select(m => m.Name), data.Select(m => m.GetProperty("id").GetString()));
        Assert.All(data, m => Assert.Equal("model", m.GetProperty("object").GetString()));
    }
}

using Router.Backends.Ollama;
using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Emulator;
using Router.Runtime.Inventory;

namespace Router.Runtime.Tests.Inventory;

public sealed class HostInventoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_present_fim_model_reports_insert_and_the_hosts_context_length()
    {
        await using var hosts = await EmulatedHosts.StartAsync();
        using var inventory = new HostInventory(EmulatedHosts.Patient());

        var status = await inventory.GetAsync(hosts.Ollama, "qwen2.5-coder:14b", EmulatedHosts.Deadline());

        // The size on disk is /api/tags's, what a cold load of it reads.
        Assert.Equal(new ModelStatus(Present: true, Loaded: false, SupportsInsert: true, SupportsVision: false, ContextTokens: 32768) { SizeBytes = 8_988_000_000 }, status);
    }

    [Fact]
    public async Task A_vision_model_reports_vision_without_insert_and_its_own_context_length()
    {
        await using var hosts = await EmulatedHosts.StartAsync();
        using var inventory = new HostInventory(EmulatedHosts.Patient());

        var status = await inventory.GetAsync(hosts.Ollama, "granite3.2-vision:2b", EmulatedHosts.Deadline());

        Assert.Equal(new ModelStatus(Present: true, Loaded: false, SupportsInsert: false, SupportsVision: true, ContextTokens: 16384) { SizeBytes = 2_440_000_000 }, status);
    }

    [Fact]
    public async Task A_model_the_host_lacks_is_not_present_and_is_never_shown()
    {
        await using var hosts = await EmulatedHosts.StartAsync();
        using var inventory = new HostInventory(EmulatedHosts.Patient());

        var status = await inventory.GetAsync(hosts.Ollama, "ghost:7b", EmulatedHosts.Deadline());

        Assert.False(status.Present);
        Assert.Equal(0, hosts.Count("/api/show"));
    }

    [Fact]
    public async Task A_name_without_tag_matches_latest_but_another_tag_does_not_match()
    {
        var options = new EmulatorOptions { TimeScale = 0, Models = [new ModelProfile { Name = "tinyllama:latest" }, new ModelProfile { Name = "qwen2.5-coder:14b-instruct" }] };
        await using var hosts = await EmulatedHosts.StartAsync(options);
        using var inventory = new HostInventory(EmulatedHosts.Patient());

        var untagged = await inventory.GetAsync(hosts.Ollama, "tinyllama", EmulatedHosts.Deadline());
        var otherTag = await inventory.GetAsync(hosts.Ollama, "qwen2.5-coder:14b", EmulatedHosts.Deadline());

        Assert.True(untagged.Present);
        Assert.Equal(32768, untagged.ContextTokens);
        Assert.False(otherTag.Present);
    }

    [Fact]
    public async Task A_fresh_probe_after_a_request_shows_the_model_loaded_with_its_vram_and_expiry()
    {
        var clock = new ManualClock(Start);
        await using var hosts = await EmulatedHosts.StartAsync(new EmulatorOptions { TimeScale = 0, Clock = clock });
        using var inventory = new HostInventory(EmulatedHosts.Patient() with { Clock = clock });
        using var http = ProviderHttpClient.Create();
        using var provider = new OllamaProvider("emulated", hosts.Emulator.BaseAddress, http);
        Assert.False((await inventory.GetAsync(hosts.Ollama, "qwen2.5:3b", EmulatedHosts.Deadline())).Loaded);

        await provider.GenerateAsync(new ModelRequest("qwen2.5:3b") { Prompt = "hi" }, EmulatedHosts.Deadline());
        clock.Advance(TimeSpan.FromSeconds(1));
        var snapshot = await inventory.ProbeAsync(hosts.Ollama, EmulatedHosts.Deadline());

        var loaded = Assert.Single(snapshot.LoadedModels!);
        Assert.Equal(new LoadedModel("qwen2.5:3b", 2_600_000_000, 2_600_000_000, Start.AddMinutes(5), FromAnswer: false), loaded);
        Assert.True((await inventory.GetAsync(hosts.Ollama, "qwen2.5:3b", EmulatedHosts.Deadline())).Loaded);
    }

    [Fact]
    public async Task A_model_that_just_answered_is_warm_without_another_ps()
    {
        var clock = new ManualClock(Start);
        await using var hosts = await EmulatedHosts.StartAsync(new EmulatorOptions { TimeScale = 0, Clock = clock });
        using var inventory = new HostInventory(EmulatedHosts.Patient() with { Clock = clock });
        Assert.False((await inventory.GetAsync(hosts.Ollama, "qwen2.5-coder:14b", EmulatedHosts.Deadline())).Loaded);
        var psBefore = hosts.Count("/api/ps");

        inventory.NoteAnswered(hosts.Ollama, "qwen2.5-coder:14b");
        var status = await inventory.GetAsync(hosts.Ollama, "qwen2.5-coder:14b", EmulatedHosts.Deadline());
        var snapshot = await inventory.GetSnapshotAsync(hosts.Ollama, EmulatedHosts.Deadline());

        Assert.True(status.Loaded);
        Assert.Equal(psBefore, hosts.Count("/api/ps"));
        var hinted = Assert.Single(snapshot.LoadedModels!);
        Assert.True(hinted.FromAnswer);
        Assert.Equal(Start.AddMinutes(5), hinted.ExpiresAt);
    }

    [Fact]
    public async Task A_warm_hint_expires_with_its_keep_alive_and_keep_alive_zero_means_cold()
    {
        var clock = new ManualClock(Start);
        await using var hosts = await EmulatedHosts.StartAsync();
        using var inventory = new HostInventory(EmulatedHosts.Patient() with { Clock = clock, StatusTtl = TimeSpan.FromHours(1) });
        await inventory.ProbeAsync(hosts.Ollama, EmulatedHosts.Deadline());

        inventory.NoteAnswered(hosts.Ollama, "qwen2.5:3b", TimeSpan.FromSeconds(30));
        inventory.NoteAnswered(hosts.Ollama, "deepseek-r1:8b", TimeSpan.FromSeconds(30));
        inventory.NoteAnswered(hosts.Ollama, "deepseek-r1:8b", TimeSpan.Zero);
        var warm = await inventory.GetAsync(hosts.Ollama, "qwen2.5:3b", EmulatedHosts.Deadline());
        var unloaded = await inventory.GetAsync(hosts.Ollama, "deepseek-r1:8b", EmulatedHosts.Deadline());
        clock.Advance(TimeSpan.FromSeconds(31));
        var expired = await inventory.GetAsync(hosts.Ollama, "qwen2.5:3b", EmulatedHosts.Deadline());

        Assert.True(warm.Loaded);
        Assert.False(unloaded.Loaded);
        Assert.False(expired.Loaded);
    }

    [Fact]
    public async Task A_ps_taken_after_a_hint_overrules_it()
    {
        var clock = new ManualClock(Start);
        await using var hosts = await EmulatedHosts.StartAsync();
        using var inventory = new HostInventory(EmulatedHosts.Patient() with { Clock = clock });
        inventory.NoteAnswered(hosts.Ollama, "qwen2.5:3b");

        clock.Advance(TimeSpan.FromSeconds(1));
        await inventory.ProbeAsync(hosts.Ollama, EmulatedHosts.Deadline());

        Assert.False((await inventory.GetAsync(hosts.Ollama, "qwen2.5:3b", EmulatedHosts.Deadline())).Loaded);
    }

    [Fact]
    public async Task An_unreachable_host_gives_Unknown_and_records_why()
    {
        var dead = EmulatedHosts.ClosedPort();
        using var inventory = new HostInventory(EmulatedHosts.Patient());

        var status = await inventory.GetAsync(dead, "qwen2.5:3b", EmulatedHosts.Deadline());
        var snapshot = inventory.LastSnapshot(dead);

        Assert.Equal(ModelStatus.Unknown, status);
        Assert.NotNull(snapshot);
        Assert.False(snapshot.Reachable);
        Assert.Contains("connection refused", snapshot.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_host_that_accepts_but_never_answers_is_given_up_after_the_probe_timeout()
    {
        using var silent = new SilentHost();
        var hung = new EndpointConfig("hung", ProviderKind.Ollama, silent.Address, null, false);
        using var inventory = new HostInventory(EmulatedHosts.Patient() with { ProbeTimeout = TimeSpan.FromMilliseconds(200) });

        // The deadline is far longer than the probe timeout: only a probe that ignores its timeout fails here.
        var status = await inventory.GetAsync(hung, "qwen2.5:3b", EmulatedHosts.Deadline());

        Assert.Equal(ModelStatus.Unknown, status);
        Assert.Equal("no answer within 0.2 s", inventory.LastSnapshot(hung)!.Error);
    }

    [Fact]
    public async Task Answers_are_reused_within_the_ttl_and_probed_again_after_it()
    {
        var clock = new ManualClock(Start);
        await using var hosts = await EmulatedHosts.StartAsync();
        using var inventory = new HostInventory(EmulatedHosts.Patient() with { Clock = clock, StatusTtl = TimeSpan.FromSeconds(10) });

        await inventory.GetAsync(hosts.Ollama, "qwen2.5-coder:14b", EmulatedHosts.Deadline());
        clock.Advance(TimeSpan.FromSeconds(9));
        await inventory.GetAsync(hosts.Ollama, "qwen2.5-coder:14b", EmulatedHosts.Deadline());
        await inventory.GetAsync(hosts.Ollama, "qwen2.5:3b", EmulatedHosts.Deadline());
        var tagsWithinTtl = hosts.Count("/api/tags");
        var showsWithinTtl = hosts.Count("/api/show");
        clock.Advance(TimeSpan.FromSeconds(2));
        await inventory.GetAsync(hosts.Ollama, "qwen2.5-coder:14b", EmulatedHosts.Deadline());

        Assert.Equal(1, tagsWithinTtl);
        Assert.Equal(2, showsWithinTtl);
        Assert.Equal(2, hosts.Count("/api/tags"));
        Assert.Equal(2, hosts.Count("/api/ps"));
        Assert.Equal(2, hosts.Count("/api/show"));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_probe()
    {
        await using var hosts = await EmulatedHosts.StartAsync();
        using var inventory = new HostInventory(EmulatedHosts.Patient());

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => inventory.GetAsync(hosts.Ollama, "qwen2.5:3b", EmulatedHosts.Deadline()).AsTask()));

        Assert.Equal(1, hosts.Count("/api/tags"));
        Assert.Equal(1, hosts.Count("/api/show"));
    }

    [Fact]
    public async Task The_snapshot_names_the_version_and_every_model_present()
    {
        await using var hosts = await EmulatedHosts.StartAsync();
        using var inventory = new HostInventory(EmulatedHosts.Patient());

        var snapshot = await inventory.GetSnapshotAsync(hosts.Ollama, EmulatedHosts.Deadline());

        Assert.True(snapshot.Reachable);
        Assert.Null(snapshot.Error);
        Assert.Equal("0.12.6", snapshot.Version);
        Assert.Equal(BuiltInModelProfiles.All.Select(m => m.Name), snapshot.ModelsPresent);
        Assert.Empty(snapshot.LoadedModels!);
    }

    [Fact]
    public async Task An_OpenAI_compatible_host_is_probed_through_v1_models_and_knows_only_presence()
    {
        await using var hosts = await EmulatedHosts.StartAsync();
        using var inventory = new HostInventory(EmulatedHosts.Patient());

        var present = await inventory.GetAsync(hosts.OpenAi, "qwen2.5-coder:14b", EmulatedHosts.Deadline());
        var missing = await inventory.GetAsync(hosts.OpenAi, "ghost:7b", EmulatedHosts.Deadline());

        Assert.Equal(new ModelStatus(Present: true, null, null, null, null), present);
        Assert.False(missing.Present);
        Assert.Equal(1, hosts.Count("/v1/models"));
        Assert.Equal(0, hosts.Count("/api/tags"));
    }

    [Fact]
    public async Task An_OpenAI_compatible_host_that_refuses_the_key_is_recorded_as_failing()
    {
        await using var hosts = await EmulatedHosts.StartAsync(new EmulatorOptions { TimeScale = 0, ApiKey = "right-key" });
        var endpoint = hosts.OpenAi with { ApiKeyEnv = "VLLM_KEY" };
        using var wrong = new HostInventory(EmulatedHosts.Patient(), readVariable: _ => "wrong-key");
        using var right = new HostInventory(EmulatedHosts.Patient(), readVariable: _ => "right-key");

        var refused = await wrong.GetSnapshotAsync(endpoint, EmulatedHosts.Deadline());
        var accepted = await right.GetSnapshotAsync(endpoint, EmulatedHosts.Deadline());

        Assert.False(refused.Reachable);
        Assert.Contains("401", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key", refused.ToString(), StringComparison.Ordinal);
        Assert.True(accepted.Reachable);
    }

    [Fact]
    public async Task A_cloud_endpoint_is_never_probed_and_names_its_unset_key_variable()
    {
        await using var hosts = await EmulatedHosts.StartAsync();
        var cloud = new EndpointConfig("claude", ProviderKind.Anthropic, hosts.Emulator.BaseAddress, "ROUTER_TEST_ANTHROPIC_KEY", Cloud: true);
        using var inventory = new HostInventory(EmulatedHosts.Patient(), readVariable: _ => null);

        var status = await inventory.GetAsync(cloud, "claude-sonnet-4-5", EmulatedHosts.Deadline());
        var snapshot = await inventory.GetSnapshotAsync(cloud, EmulatedHosts.Deadline());

        Assert.Equal(ModelStatus.Unknown, status);
        Assert.Null(snapshot.Reachable);
        Assert.Equal("ROUTER_TEST_ANTHROPIC_KEY", snapshot.KeyVariable);
        Assert.True(snapshot.KeyMissing);
        Assert.Empty(hosts.Emulator.Requests);
    }
}

using Router.Cli.Commands;
using Router.Cli.Doctor;
using Router.Cli.Init;
using Router.Cli.Tests.Processes;
using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Emulator;

namespace Router.Cli.Tests.Init;

/// <summary>`router init` against emulated Ollama hosts on loopback: what it writes, and that the file loads and passes `router doctor`.</summary>
public sealed class InitCommandTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly string _dir = Directory.CreateTempSubdirectory("router-init-").FullName;
    private readonly List<EmulatorServer> _hosts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<string> HostAsync(IReadOnlyList<ModelProfile> models)
    {
        var host = await EmulatorServer.StartAsync(new EmulatorOptions { Models = models, TimeScale = 0 }, CancellationToken.None);
        _hosts.Add(host);
        return host.BaseAddress.ToString();
    }

    private async Task<(int Exit, string Output, string Error, string Path)> InitAsync(bool force = false, params string[] hosts)
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        var invocation = new InitInvocation(hosts, "router.yaml", force, Limit);
        int exit = await InitCommand.RunAsync(invocation, stdout, stderr, _dir, _ => null, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString(), Path.Combine(_dir, "router.yaml"));
    }

    private static RouterConfig LoadsWithoutWarnings(string path)
    {
        var result = RouterConfigLoader.Load(File.ReadAllText(path), "router.yaml", _ => null);
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics) + "\n" + File.ReadAllText(path));

        // Nor does it set anything the router never uses: `router doctor` would list it under "Configured but never used".
        var unused = UnusedConfiguration.Find(result.Config!);
        Assert.True(unused.Count == 0, string.Join("\n", unused) + "\n" + File.ReadAllText(path));
        return result.Config!;
    }

    private async Task<(int Exit, string Output)> DoctorAsync(string path)
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        int exit = await DoctorCommand.RunAsync(new DoctorInvocation(path, Json: false, Limit), stdout, stderr, _dir, _ => null, CancellationToken.None);
        return (exit, stdout.ToString() + stderr);
    }

    [Fact]
    public async Task A_gpu_box_gets_the_insert_coder_for_code_the_small_coder_for_quick_and_the_vision_model_for_vision()
    {
        string gpu = await HostAsync(HostSets.GpuBox);

        var (exit, output, error, path) = await InitAsync(false, gpu);

        Assert.True(exit == 0, output + error);
        var config = LoadsWithoutWarnings(path);
        Assert.Equal("qwen2.5-coder:14b", config.Tiers[Tier.Code].Model);
        Assert.Equal("qwen2.5-coder:1.5b", config.Tiers[Tier.Quick].Model);
        Assert.Equal("qwen2.5vl:7b", config.Tiers[Tier.Vision].Model);
        Assert.Equal("qwen2.5-coder:14b", config.Tiers[Tier.Heavy].Model);

        // Completion falls back to the smaller coder, which also fills in the middle; vision has no other model that sees.
        Assert.Equal([Tier.Quick], config.FallbacksOf(Tier.Code));
        Assert.Empty(config.FallbacksOf(Tier.Vision));
        Assert.Equal(Tier.Code, config.Routes.Completion);

        string yaml = File.ReadAllText(path);
        Assert.Contains("# code: qwen2.5-coder:14b has `insert`", yaml, StringComparison.Ordinal);
        Assert.Contains("# reasoning: no model here thinks before answering", yaml, StringComparison.Ordinal);

        // The listing shows what the host has; the one empty tier gets its pull with a download size.
        Assert.Contains(output.Split('\n'), l => l.Contains("qwen2.5vl:7b", StringComparison.Ordinal) && l.Contains("vision", StringComparison.Ordinal) && l.Contains("128000", StringComparison.Ordinal));
        Assert.Contains("ollama pull deepseek-r1:8b   (reasoning, 5.2 GB download)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ollama pull qwen2.5-coder", output, StringComparison.Ordinal);

        (int doctor, string report) = await DoctorAsync(path);
        Assert.True(doctor == 0, report);
        Assert.DoesNotContain("Configured but never used", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_laptop_with_one_3b_model_runs_every_tier_on_it_with_no_fallback_and_names_the_pulls_for_the_rest()
    {
        string laptop = await HostAsync(HostSets.Laptop);

        var (exit, output, error, path) = await InitAsync(false, laptop);

        Assert.True(exit == 0, output + error);
        var config = LoadsWithoutWarnings(path);
        Assert.All(TierChooser.LocalTiers, t => Assert.Equal("qwen2.5:3b", config.Tiers[t].Model));
        Assert.All(TierChooser.LocalTiers, t => Assert.Empty(config.FallbacksOf(t)));
        Assert.Equal([Tier.Quick], config.Escalation);
        Assert.Contains("no model here can fill in the middle", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Contains("ollama pull qwen2.5-coder:7b   (code, 4.7 GB download)", output, StringComparison.Ordinal);
        Assert.Contains("ollama pull granite3.2-vision:2b   (vision, 2.4 GB download)", output, StringComparison.Ordinal);
        Assert.Contains("ollama pull deepseek-r1:8b", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ollama pull qwen2.5:3b", output, StringComparison.Ordinal);

        (int doctor, string report) = await DoctorAsync(path);
        Assert.True(doctor == 0, report);
        Assert.DoesNotContain("Configured but never used", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_host_gets_the_models_to_pull_and_doctor_names_the_same_pulls()
    {
        string empty = await HostAsync(HostSets.Empty);

        var (exit, output, error, path) = await InitAsync(false, empty);

        Assert.True(exit == 0, output + error);
        var config = LoadsWithoutWarnings(path);
        Assert.Equal("qwen2.5:3b", config.Tiers[Tier.Quick].Model);
        Assert.Equal("qwen2.5-coder:7b", config.Tiers[Tier.Code].Model);
        Assert.Equal("granite3.2-vision:2b", config.Tiers[Tier.Vision].Model);

        // qwen2.5:3b cannot fill in the middle, so completion has no fallback even among models still to pull.
        Assert.Empty(config.FallbacksOf(Tier.Code));
        foreach (string model in new[] { "qwen2.5:3b", "qwen2.5-coder:7b", "deepseek-r1:8b", "qwen2.5-coder:32b", "granite3.2-vision:2b" })
        {
            Assert.Contains($"ollama pull {model}", output, StringComparison.Ordinal);
        }

        (int doctor, string report) = await DoctorAsync(path);
        Assert.Equal(1, doctor);
        Assert.Contains("ollama pull qwen2.5-coder:7b", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_hosts_list_a_model_both_have_on_both_and_each_tier_on_the_host_that_has_its_model()
    {
        string laptop = await HostAsync(HostSets.Laptop);
        string gpu = await HostAsync([.. HostSets.GpuBox, HostSets.Qwen3b]);

        var (exit, output, error, path) = await InitAsync(false, laptop, gpu);

        Assert.True(exit == 0, output + error);
        var config = LoadsWithoutWarnings(path);
        Assert.Equal(2, config.Endpoints.Count);
        Assert.Equal("qwen2.5:3b", config.Tiers[Tier.Quick].Model);
        Assert.Equal(2, config.Tiers[Tier.Quick].Endpoints.Count);
        Assert.Single(config.Tiers[Tier.Code].Endpoints);

        // quick (qwen2.5:3b) cannot fill in the middle and the small coder has no tier of its own: completion has no fallback.
        Assert.Empty(config.FallbacksOf(Tier.Code));
        (int doctor, string report) = await DoctorAsync(path);
        Assert.True(doctor == 0, report);
        Assert.DoesNotContain("Configured but never used", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_file_is_kept_without_force_and_replaced_with_it()
    {
        string laptop = await HostAsync(HostSets.Laptop);
        string path = Path.Combine(_dir, "router.yaml");
        File.WriteAllText(path, "# mine\n");

        var (exit, _, error, _) = await InitAsync(false, laptop);

        Assert.Equal(2, exit);
        Assert.Contains("exists; pass --force to overwrite it", error, StringComparison.Ordinal);
        Assert.Equal("# mine\n", File.ReadAllText(path));

        var (forced, output, forcedError, _) = await InitAsync(true, laptop);
        Assert.True(forced == 0, output + forcedError);
        LoadsWithoutWarnings(path);
    }

    [Fact]
    public async Task No_host_answering_writes_nothing_and_exits_1()
    {
        using System.Net.Sockets.TcpListener listener = new(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exit, output, error, path) = await InitAsync(false, $"127.0.0.1:{port}");

        Assert.Equal(1, exit);
        Assert.Contains("unreachable", output, StringComparison.Ordinal);
        Assert.Contains("no Ollama host answered", error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task As_a_process_init_writes_the_file_and_refuses_to_overwrite_it()
    {
        string gpu = await HostAsync(HostSets.GpuBox);
        string path = Path.Combine(_dir, "out", "router.yaml");

        (int exit, string output, string error) = await RouterProcess.RunAsync(TimeSpan.FromMinutes(1), "init", "--host", gpu, "--out", path);
        Assert.True(exit == 0, output + error);
        Assert.Contains($"wrote {path}", output, StringComparison.Ordinal);
        string written = File.ReadAllText(path);

        (int again, _, string refusal) = await RouterProcess.RunAsync(TimeSpan.FromMinutes(1), "init", "--host", gpu, "--out", path);
        Assert.Equal(2, again);
        Assert.Contains("--force", refusal, StringComparison.Ordinal);
        Assert.Equal(written, File.ReadAllText(path));
    }
}

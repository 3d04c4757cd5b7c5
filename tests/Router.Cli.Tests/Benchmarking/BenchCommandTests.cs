using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Router.Cli.Benchmarking;
using Router.Cli.Commands;
using Router.Cli.Planning;
using Router.Cli.Tests.Processes;
using Router.Core.Requests;
using Router.Emulator;
using Router.Runtime.Benchmarks;
using Router.Runtime.Usage;

namespace Router.Cli.Tests.Benchmarking;

/// <summary>`router bench` against an emulated Ollama host on loopback whose models load cold as the profiles say (the
/// coder 6 s, the 3B 1.5 s), time-scaled so that a run takes well under a second per route.</summary>
public sealed class BenchCommandTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private readonly string _dir = Directory.CreateTempSubdirectory("router-bench-").FullName;
    private EmulatorServer _box = null!;

    public async Task InitializeAsync() => _box = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0.02 }, CancellationToken.None);

    public async Task DisposeAsync() => await _box.DisposeAsync();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string State => Path.Combine(_dir, "state");

    private string Config(string extraEndpoints = "", string extraTiers = "", Uri? box = null)
    {
        string path = Path.Combine(_dir, "router.yaml");
        File.WriteAllText(path, $$"""
            endpoints:
              box:
                provider: ollama
                url: {{box ?? _box.BaseAddress}}
            {{extraEndpoints}}
            tiers:
              quick: { model: "qwen2.5:3b", endpoints: [box], contextTokens: 8192 }
              code: { model: "qwen2.5-coder:14b", endpoints: [box], contextTokens: 16384 }
            {{extraTiers}}
            """);
        return path;
    }

    private async Task<(int Exit, string Stdout, string Stderr)> BenchAsync(BenchInvocation invocation)
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        Func<string, string?> environment = name => name switch
        {
            "XDG_STATE_HOME" => State,
            "BENCH_TEST_KEY" => "sk-test-not-a-real-key",
            _ => null,
        };
        int exit = await BenchCommand.RunAsync(invocation, stdout, stderr, _dir, environment, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static BenchInvocation Invocation(string config, string? tiers, int reps = 2, bool cold = false, bool json = true) =>
        new(config, BenchCommand.ParseTiers(tiers).Tiers, reps, cold, json, Limit);

    private static JsonElement RouteOf(JsonDocument report, string tier, string kind) =>
        report.RootElement.GetProperty("routes").EnumerateArray().Single(r => r.GetProperty("tier").GetString() == tier && r.GetProperty("kind").GetString() == kind);

    private static double Median(JsonElement route, string metric) => route.GetProperty(metric).GetProperty("median").GetDouble();

    [Fact]
    public async Task With_cold_a_cold_load_is_reported_longer_than_the_warm_first_token_and_the_results_are_in_the_ledger()
    {
        (int exit, string stdout, _) = await BenchAsync(Invocation(Config(), "code", reps: 2, cold: true));

        Assert.Equal(0, exit);
        using JsonDocument report = JsonDocument.Parse(stdout);
        JsonElement completion = RouteOf(report, "code", "completion");
        Assert.Equal("measured", completion.GetProperty("status").GetString());

        // The host's own load_duration (the profile's 6 s) and the wall clock after unloading, both beyond a warm first token.
        Assert.Equal(6000, Median(completion, "coldLoadMs"), 0);
        Assert.True(Median(completion, "coldTimeToFirstTokenMs") > Median(completion, "timeToFirstTokenMs"), stdout);
        Assert.Equal(2, completion.GetProperty("timeToFirstTokenMs").GetProperty("samples").GetInt32());
        Assert.Equal(38, Median(completion, "generationTokensPerSecond"), 0);
        Assert.Equal("keep warm", completion.GetProperty("advice").GetString());
        Assert.Equal(FimTaskSet.All.Count, completion.GetProperty("fillInTheMiddle").GetProperty("tasks").GetInt32());

        JsonElement host = report.RootElement.GetProperty("hosts").EnumerateArray().Single();
        Assert.False(string.IsNullOrEmpty(host.GetProperty("version").GetString()));
        JsonElement model = host.GetProperty("models").EnumerateArray().Single();
        Assert.Equal("Q4_K_M", model.GetProperty("quantization").GetString());
        Assert.Matches("^[0-9a-f]{12,}$", model.GetProperty("digest").GetString());
        Assert.True(model.GetProperty("canFillInTheMiddle").GetBoolean());

        // Stored under the run's id, beside the usage ledger's own tables.
        string runId = report.RootElement.GetProperty("runId").GetString()!;
        BenchResultStore store = await BenchResultStore.OpenAsync(UsageLedger.DefaultPath(name => name == "XDG_STATE_HOME" ? State : null), CancellationToken.None);
        IReadOnlyList<BenchMeasurement> rows = await store.ReadSinceAsync(DateTimeOffset.UtcNow.AddHours(-1), CancellationToken.None);
        BenchMeasurement cold = Assert.Single(rows, r => r.RunId == runId && r.TaskKind == "completion" && r.Metric == BenchMetrics.ColdLoadMs);
        Assert.Equal("qwen2.5-coder:14b", cold.Model);
        Assert.Equal(6000, cold.Median, 0);
        Assert.Equal(8_988_000_000, cold.ModelBytes);
        Assert.Contains(rows, r => r.RunId == runId && r.Metric == BenchMetrics.FimExactMatch);
    }

    [Fact]
    public async Task A_host_with_a_prompt_cache_hits_on_the_repeated_prompt_and_never_on_a_measured_one()
    {
        await using EmulatorServer cached = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0.02, PromptCache = true }, CancellationToken.None);

        (int exit, string stdout, _) = await BenchAsync(Invocation(Config(box: cached.BaseAddress), "quick", reps: 3));

        Assert.Equal(0, exit);
        using JsonDocument report = JsonDocument.Parse(stdout);
        JsonElement explain = RouteOf(report, "quick", "explain");

        // The repeat of a 400-token prompt evaluates only its last token or so.
        Assert.True(explain.GetProperty("promptCacheHitRate").GetProperty("low").GetDouble() > 0.95, stdout);

        // Each measured request starts with its own path line, so the host evaluates all of it: the 3B's whole 60 ms.
        Assert.True(explain.GetProperty("hostTimeToFirstTokenMs").GetProperty("low").GetDouble() >= 60, stdout);

        // Without a prompt cache, the same repeat is evaluated whole.
        (_, stdout, _) = await BenchAsync(Invocation(Config(), "quick", reps: 1));
        using JsonDocument uncached = JsonDocument.Parse(stdout);
        Assert.Equal(0, Median(RouteOf(uncached, "quick", "explain"), "promptCacheHitRate"));
    }

    [Fact]
    public async Task The_text_says_per_route_what_to_expect_and_what_to_do()
    {
        (int exit, string stdout, _) = await BenchAsync(Invocation(Config(), "code", reps: 1, cold: true, json: false));

        Assert.Equal(0, exit);
        Assert.Matches(@"completion → qwen2\.5-coder:14b@box \(code\): first token \d+ ms warm, \d+ ms cold; 38 tok/s; FIM exact \d+% — keep warm", stdout);
        Assert.Contains("results stored in ", stdout, StringComparison.Ordinal);
        Assert.Contains("Q4_K_M", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tiers_names_the_only_tiers_benched()
    {
        (int exit, string stdout, _) = await BenchAsync(Invocation(Config(), "quick", reps: 1));

        Assert.Equal(0, exit);
        using JsonDocument report = JsonDocument.Parse(stdout);
        Assert.All(report.RootElement.GetProperty("routes").EnumerateArray(), r => Assert.Equal("quick", r.GetProperty("tier").GetString()));
        Assert.Equal(["chat", "explain"], report.RootElement.GetProperty("routes").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).Order());
        Assert.DoesNotContain(_box.Requests, r => r.Model == "qwen2.5-coder:14b");
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_one_clear_line_and_exit_code_1_while_the_others_are_measured()
    {
        string config = Config(
            extraEndpoints: $"  laptop:\n    provider: ollama\n    url: http://127.0.0.1:{ClosedPort()}",
            extraTiers: "  heavy: { model: \"qwen2.5-coder:32b\", endpoints: [laptop] }");

        (int exit, string stdout, _) = await BenchAsync(Invocation(config, "quick,heavy", reps: 1, json: false));

        Assert.Equal(1, exit);
        Assert.Matches(@"refactor → qwen2\.5-coder:32b@laptop \(heavy\): failed: laptop: .*cannot reach the host.* — start Ollama there", stdout);
        Assert.Matches(@"explain → qwen2\.5:3b@box \(quick\): first token \d+ ms warm", stdout);
    }

    [Fact]
    public async Task A_model_the_host_has_not_pulled_says_what_to_pull()
    {
        string config = Config(extraTiers: "  heavy: { model: \"llama3.3:70b\", endpoints: [box] }");

        (int exit, string stdout, _) = await BenchAsync(Invocation(config, "heavy", reps: 1, json: false));

        Assert.Equal(1, exit);
        Assert.Contains("refactor → llama3.3:70b@box (heavy): failed: llama3.3:70b is not on box: run `ollama pull llama3.3:70b` there", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cloud_endpoint_is_benched_only_when_its_tier_is_named_and_then_by_wall_clock()
    {
        string config = Config(
            extraEndpoints: $"  openai:\n    provider: openai\n    url: {_box.BaseAddress}v1\n    apiKeyEnv: BENCH_TEST_KEY\n    cloud: true",
            extraTiers: "  frontier: { model: \"qwen2.5:3b\", endpoints: [openai] }");

        (int exit, string stdout, _) = await BenchAsync(Invocation(config, null, reps: 1, json: false));

        Assert.Equal(0, exit);
        Assert.Contains("refactor → qwen2.5:3b@openai (frontier): skipped: cloud endpoint openai skipped: each request costs money; name its tier in --tiers to bench it", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(_box.Requests, r => r.Endpoint.StartsWith("/v1/", StringComparison.Ordinal));

        (exit, stdout, _) = await BenchAsync(Invocation(config, "frontier", reps: 1, json: true));

        Assert.Equal(0, exit);
        using JsonDocument report = JsonDocument.Parse(stdout);
        JsonElement refactor = RouteOf(report, "frontier", "refactor");
        Assert.Equal("measured", refactor.GetProperty("status").GetString());
        Assert.Equal("wall clock only", refactor.GetProperty("note").GetString());
        Assert.True(refactor.TryGetProperty("totalMs", out _));
        Assert.False(refactor.TryGetProperty("coldLoadMs", out _));
        Assert.Contains(_box.Requests, r => r.Endpoint == "/v1/chat/completions");
    }

    [Fact]
    public async Task A_planted_answer_scores_exactly_its_share_of_the_infill_tasks()
    {
        // Every answer of the coder is this one line, which is right for exactly one bundled task.
        FimTask fibonacci = FimTaskSet.All.Single(t => t.Id == "py-fibonacci");
        int right = FimTaskSet.All.Count(t => t.Expected == fibonacci.Expected);
        _box.SetFaults(new EmulatorFaultSet { Reply = "    " + fibonacci.Expected + "\n" }, model: "qwen2.5-coder:14b");

        (int exit, string stdout, _) = await BenchAsync(Invocation(Config(), "code", reps: 1));

        Assert.Equal(0, exit);
        Assert.Equal(1, right);
        using JsonDocument report = JsonDocument.Parse(stdout);
        JsonElement fim = RouteOf(report, "code", "completion").GetProperty("fillInTheMiddle");
        Assert.Equal(1.0 / FimTaskSet.All.Count, fim.GetProperty("exactMatch").GetDouble(), 9);
        Assert.Equal(0, fim.GetProperty("failed").GetInt32());
        Assert.InRange(fim.GetProperty("editSimilarity").GetDouble(), 1.0 / FimTaskSet.All.Count, 0.5);
    }

    [Fact]
    public async Task Router_plan_predicts_loads_from_the_cold_loads_bench_measured()
    {
        // The emulated coder loads its 8.988 GB in 6 s: 1.5 GB/s, where the default throughput would say 4.5 s.
        (int exit, _, _) = await BenchAsync(Invocation(Config(), "code", reps: 1, cold: true));
        Assert.Equal(0, exit);
        using StringWriter stdout = new();
        using StringWriter stderr = new();

        await PlanCommand.RunAsync(
            new PlanInvocation(Config(), null, Json: true, Limit), stdout, stderr, _dir, name => name == "XDG_STATE_HOME" ? State : null, CancellationToken.None);

        using JsonDocument plan = JsonDocument.Parse(stdout.ToString());
        Assert.Contains("router bench --cold", plan.RootElement.GetProperty("loadTimes").GetString(), StringComparison.Ordinal);
        JsonElement coder = plan.RootElement.GetProperty("hosts")[0].GetProperty("models").EnumerateArray()
            .Single(m => m.GetProperty("model").GetString() == "qwen2.5-coder:14b");
        Assert.Equal(6.0, coder.GetProperty("loadSeconds").GetDouble(), 1);
    }

    [Fact]
    public async Task The_real_process_writes_json_and_refuses_an_unknown_tier()
    {
        Dictionary<string, string?> environment = new() { ["XDG_STATE_HOME"] = State };

        (int exit, string output, _) = await RouterProcess.RunAsync(Limit, environment, "bench", "--config", Config(), "--tiers", "quick", "--reps", "1", "--json");

        Assert.Equal(0, exit);
        using JsonDocument report = JsonDocument.Parse(output);
        Assert.Equal(1, report.RootElement.GetProperty("repetitions").GetInt32());

        (exit, _, string error) = await RouterProcess.RunAsync(Limit, environment, "bench", "--config", Config(), "--tiers", "code,fast");

        Assert.Equal(2, exit);
        Assert.Contains("unknown tier 'fast' in --tiers", error, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

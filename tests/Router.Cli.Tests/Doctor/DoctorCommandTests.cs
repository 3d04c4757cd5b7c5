using System.Text.Json;
using Router.Cli.Commands;
using Router.Cli.Doctor;
using Router.Cli.Tests.Processes;
using Router.Emulator;

namespace Router.Cli.Tests.Doctor;

/// <summary>`router doctor` run as a real process against emulated hosts on loopback.</summary>
public sealed class DoctorCommandTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);
    private readonly string _dir = Directory.CreateTempSubdirectory("router-doctor-").FullName;
    private EmulatorServer _box = null!;

    public async Task InitializeAsync()
    {
        _box = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0 }, CancellationToken.None);

        // The first request to a fresh in-process host pays for JIT; on a busy machine that could outlast a probe.
        using HttpClient http = new() { BaseAddress = _box.BaseAddress };
        using var warmUp = await http.GetAsync(new Uri("api/tags", UriKind.Relative));
        warmUp.EnsureSuccessStatusCode();
        _box.ClearRequests();
    }

    /// <summary>`router doctor --config FILE` with a probe timeout no busy test machine reaches; unreachable hosts here refuse at once.</summary>
    private static string[] Doctor(string config, params string[] more) => ["doctor", "--config", config, "--timeout", "30", .. more];

    public async Task DisposeAsync() => await _box.DisposeAsync();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Config(string tiers, string extraEndpoints = "")
    {
        string path = Path.Combine(_dir, "router.yaml");
        File.WriteAllText(path, $"""
            endpoints:
              box:
                provider: ollama
                url: {_box.BaseAddress}
            {extraEndpoints}
            tiers:
            {tiers}
            """);
        return path;
    }

    private const string DefaultTiers = """
          quick: { model: "qwen2.5:3b", endpoints: [box], contextTokens: 8192 }
          code: { model: "qwen2.5-coder:14b", endpoints: [box], contextTokens: 16384 }
          reasoning: { model: "deepseek-r1:8b", endpoints: [box], contextTokens: 16384 }
          heavy: { model: "qwen2.5-coder:32b", endpoints: [box], contextTokens: 32768 }
          vision: { model: "granite3.2-vision:2b", endpoints: [box], contextTokens: 8192 }
        """;

    private static string ClosedPortUrl()
    {
        using System.Net.Sockets.TcpListener listener = new(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    private async Task<(int Exit, string Output)> RunInProcessAsync(DoctorInvocation invocation)
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        int exit = await DoctorCommand.RunAsync(invocation, stdout, stderr, _dir, _ => null, CancellationToken.None);
        return (exit, stdout.ToString());
    }

    [Fact]
    public async Task All_hosts_healthy_exits_0_and_the_table_shows_each_tiers_model_and_what_is_loaded()
    {
        using HttpClient http = new() { BaseAddress = _box.BaseAddress };
        using var warmUp = await http.PostAsync(new Uri("api/generate", UriKind.Relative), new StringContent("""{"model":"qwen2.5:3b","prompt":"hi","stream":false}"""));
        warmUp.EnsureSuccessStatusCode();

        (int exit, string output, string error) = await RouterProcess.RunAsync(Limit, Doctor(Config(DefaultTiers)));

        Assert.True(exit == 0, output + error);
        string[] lines = output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("box ", StringComparison.Ordinal) && l.Contains("reachable", StringComparison.Ordinal)
            && l.Contains("0.12.6", StringComparison.Ordinal) && l.Contains("qwen2.5:3b (2.6 GB VRAM", StringComparison.Ordinal));
        foreach (string model in new[] { "qwen2.5:3b", "qwen2.5-coder:14b", "deepseek-r1:8b", "qwen2.5-coder:32b", "granite3.2-vision:2b" })
        {
            Assert.Contains(lines, l => l.Contains(model, StringComparison.Ordinal) && l.Contains(" present ", StringComparison.Ordinal));
        }

        Assert.Contains("5 of 5 tiers usable", lines.Last(l => l.Length > 0), StringComparison.Ordinal);
        Assert.DoesNotContain("ollama pull", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_the_file_sets_but_nothing_uses_is_a_warning_at_its_line_in_text_and_json_and_the_exit_stays_0()
    {
        string spare = $"""
              spare:
                provider: ollama
                url: {_box.BaseAddress}
            """;
        string path = Config(DefaultTiers, spare);

        (int exit, string output, string error) = await RouterProcess.RunAsync(Limit, Doctor(path));
        (int jsonExit, string json, _) = await RouterProcess.RunAsync(Limit, Doctor(path, "--json"));

        Assert.True(exit == 0, output + error);
        Assert.Equal(0, jsonExit);
        string[] lines = output.Split('\n');
        int section = Array.IndexOf(lines, "Configured but never used");
        Assert.True(section >= 0, output);
        Assert.Contains($"{path}:5: warning: endpoints.spare: no tier lists endpoint 'spare', so it is never used", lines.Skip(section));

        // quick's contextTokens (line 9) is the tier's default: the line changes nothing.
        Assert.Contains(lines.Skip(section), l => l.StartsWith($"{path}:9: warning: tiers.quick.contextTokens: '8192'", StringComparison.Ordinal));
        var unused = JsonDocument.Parse(json).RootElement.GetProperty("unused").EnumerateArray()
            .Select(u => (u.GetProperty("key").GetString(), u.GetProperty("line").GetInt64(), u.GetProperty("file").GetString()))
            .ToList();
        Assert.Contains(("endpoints.spare", 5L, path), unused);
        Assert.Contains(("tiers.quick.contextTokens", 9L, path), unused);
    }

    [Fact]
    public async Task A_tier_whose_model_is_missing_prints_the_ollama_pull_line_and_exits_1()
    {
        string tiers = DefaultTiers.Replace("\"deepseek-r1:8b\"", "\"qwq:32b\"", StringComparison.Ordinal);

        (int exit, string output, _) = await RouterProcess.RunAsync(Limit, Doctor(Config(tiers)));

        Assert.Equal(1, exit);
        Assert.Contains("ollama pull qwq:32b", output, StringComparison.Ordinal);
        Assert.Contains("no usable host for reasoning", output, StringComparison.Ordinal);
        Assert.Contains(output.Split('\n'), l => l.StartsWith("reasoning ", StringComparison.Ordinal) && l.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_named_as_unreachable_and_a_tier_with_another_host_stays_usable()
    {
        string dead = $"""
              gpu:
                provider: ollama
                url: {ClosedPortUrl()}
            """;
        string tiers = DefaultTiers.Replace("endpoints: [box], contextTokens: 16384 }\n  reasoning", "endpoints: [gpu, box], contextTokens: 16384 }\n  reasoning", StringComparison.Ordinal);
        Assert.Contains("[gpu, box]", tiers, StringComparison.Ordinal);

        (int exit, string output, _) = await RouterProcess.RunAsync(Limit, Doctor(Config(tiers, dead)));

        Assert.Equal(0, exit);
        Assert.Contains(output.Split('\n'), l => l.StartsWith("gpu ", StringComparison.Ordinal) && l.Contains("unreachable", StringComparison.Ordinal));
        Assert.Contains("gpu (http://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Contains("connection refused", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tier_whose_only_host_is_down_exits_1()
    {
        string dead = $"""
              gpu:
                provider: ollama
                url: {ClosedPortUrl()}
            """;
        string tiers = DefaultTiers + "\n  frontier: { model: \"qwen2.5-coder:32b\", endpoints: [gpu], contextTokens: 32768 }";

        (int exit, string output) = await RunInProcessAsync(new DoctorInvocation(Config(tiers, dead), Json: false, Limit));

        Assert.Equal(1, exit);
        Assert.Contains("frontier has no usable host for qwen2.5-coder:32b (gpu: unreachable)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cloud_endpoint_with_its_key_unset_is_named_and_no_key_value_is_ever_printed()
    {
        const string Secret = "sk-doctor-test-7f3a9c";
        string cloud = """
              claude:
                provider: anthropic
                apiKeyEnv: ROUTER_DOCTOR_MISSING_KEY
              openai:
                provider: openai
                apiKeyEnv: ROUTER_DOCTOR_PRESENT_KEY
            """;
        string tiers = DefaultTiers + "\n  frontier: { model: claude-sonnet-4-5, endpoints: [claude, openai], contextTokens: 200000 }";
        Dictionary<string, string?> environment = new() { ["ROUTER_DOCTOR_MISSING_KEY"] = null, ["ROUTER_DOCTOR_PRESENT_KEY"] = Secret };

        (int exit, string output, string error) = await RouterProcess.RunAsync(Limit, environment, Doctor(Config(tiers, cloud)));

        Assert.Equal(0, exit);
        Assert.Contains("set ROUTER_DOCTOR_MISSING_KEY", output, StringComparison.Ordinal);
        Assert.Contains(output.Split('\n'), l => l.StartsWith("claude ", StringComparison.Ordinal) && l.Contains("$ROUTER_DOCTOR_MISSING_KEY NOT SET", StringComparison.Ordinal));
        Assert.Contains(output.Split('\n'), l => l.StartsWith("openai ", StringComparison.Ordinal) && l.Contains("$ROUTER_DOCTOR_PRESENT_KEY set", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error, StringComparison.Ordinal);
        Assert.DoesNotContain(_box.Requests, r => r.Endpoint.StartsWith("/v1/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_output_is_one_object_with_endpoints_tiers_problems_and_the_verdict()
    {
        string tiers = DefaultTiers.Replace("\"granite3.2-vision:2b\"", "\"qwen2.5:3b\"", StringComparison.Ordinal);

        (int exit, string output) = await RunInProcessAsync(new DoctorInvocation(Config(tiers), Json: true, Limit));

        Assert.Equal(0, exit);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement root = document.RootElement;
        Assert.True(root.GetProperty("usable").GetBoolean());
        Assert.Equal("reachable", root.GetProperty("endpoints")[0].GetProperty("status").GetString());
        JsonElement code = root.GetProperty("tiers").EnumerateArray().Single(t => t.GetProperty("tier").GetString() == "code");
        Assert.True(code.GetProperty("hosts")[0].GetProperty("supportsInsert").GetBoolean());
        Assert.Equal(32768, code.GetProperty("hosts")[0].GetProperty("contextTokens").GetInt32());
        Assert.Contains(root.GetProperty("problems").EnumerateArray(), p =>
            p.GetProperty("tier").GetString() == "vision" && p.GetProperty("message").GetString()!.Contains("vision", StringComparison.Ordinal));
    }
}

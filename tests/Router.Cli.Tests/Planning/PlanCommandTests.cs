using System.Text.Json;
using Router.Cli.Commands;
using Router.Cli.Doctor;
using Router.Cli.Planning;
using Router.Cli.Tests.Processes;
using Router.Core.Requests;
using Router.Core.Usage;
using Router.Emulator;
using Router.Runtime.Usage;

namespace Router.Cli.Tests.Planning;

/// <summary>`router plan` and doctor's placement warning against an emulated Ollama host on loopback.</summary>
public sealed class PlanCommandTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);
    private readonly string _dir = Directory.CreateTempSubdirectory("router-plan-").FullName;
    private EmulatorServer _box = null!;

    public async Task InitializeAsync() => _box = await EmulatorServer.StartAsync(new EmulatorOptions { TimeScale = 0 }, CancellationToken.None);

    public async Task DisposeAsync() => await _box.DisposeAsync();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Config(string vramGb)
    {
        string path = Path.Combine(_dir, "router.yaml");
        File.WriteAllText(path, $$"""
            endpoints:
              box:
                provider: ollama
                url: {{_box.BaseAddress}}
                vramGb: {{vramGb}}
            tiers:
              quick: { model: "qwen2.5:3b", endpoints: [box], contextTokens: 8192 }
              code: { model: "qwen2.5-coder:14b", endpoints: [box], contextTokens: 16384 }
              heavy: { model: "qwen2.5-coder:32b", endpoints: [box], contextTokens: 32768 }
            """);
        return path;
    }

    [Fact]
    public async Task Plan_prints_what_each_host_keeps_and_the_ollama_settings_that_fit()
    {
        // A state folder of its own: the user's usage ledger must not change the default mix this test expects.
        Dictionary<string, string?> environment = new() { ["XDG_STATE_HOME"] = Path.Combine(_dir, "state") };
        (int exit, string output, _) = await RouterProcess.RunAsync(Limit, environment, "plan", "--config", Config("24"), "--timeout", "30");

        // The 32B with a 32768 context (about 31 GB) fits no 24 GB host: named with the numbers, exit 1.
        Assert.Equal(1, exit);
        Assert.Contains("box  24.0 GB (vramGb in router.yaml)", output, StringComparison.Ordinal);
        Assert.Matches(@"keep\s+qwen2\.5-coder:14b\s+\d+\.\d GB \(estimated\)\s+num_ctx 16384", output);
        Assert.Contains("OLLAMA_MAX_LOADED_MODELS=", output, StringComparison.Ordinal);
        Assert.Contains("OLLAMA_KEEP_ALIVE=2m", output, StringComparison.Ordinal);
        Assert.Matches(@"warning: heavy: qwen2\.5-coder:32b fits on no host \(box: needs \d+\.\d GB, has 24\.0 GB", output);
    }

    [Fact]
    public async Task Plan_json_keeps_the_busy_coder_and_reads_rates_from_a_file()
    {
        string rates = Path.Combine(_dir, "rates.txt");
        await File.WriteAllTextAsync(rates, "# a day of explaining\nquick 200\ncode 0\n");
        using StringWriter stdout = new();
        using StringWriter stderr = new();

        int exit = await PlanCommand.RunAsync(new PlanInvocation(Config("48"), rates, Json: true, Limit), stdout, stderr, _dir, _ => null, CancellationToken.None);

        Assert.Equal(0, exit);
        using JsonDocument plan = JsonDocument.Parse(stdout.ToString());
        Assert.Equal(rates, plan.RootElement.GetProperty("rates").GetString());
        JsonElement host = plan.RootElement.GetProperty("hosts")[0];
        Dictionary<string, string> placement = host.GetProperty("models").EnumerateArray()
            .ToDictionary(m => m.GetProperty("model").GetString()!, m => m.GetProperty("placement").GetString()!);
        Assert.Equal("keep", placement["qwen2.5:3b"]);
        Assert.Equal(48_000_000_000, host.GetProperty("budgetBytes").GetInt64());
    }

    [Fact]
    public async Task Without_a_rates_file_the_plan_follows_the_week_the_usage_ledger_measured()
    {
        // A week of explaining on quick and not one completion: the ledger, not the default mix, decides what is kept.
        string state = Path.Combine(_dir, "state");
        await using (UsageLedger ledger = await UsageLedger.OpenAsync(UsageLedger.DefaultPath(Variable(state))))
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            DateTimeOffset start = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddDays(-3);
            for (int i = 0; i < 120; i++)
            {
                ledger.Append(new UsageRecord(
                    $"r{i}", start.AddMinutes(i), RequestKind.Explain, Tier.Quick, "qwen2.5:3b", "box", IsCloud: false, "python", 400, 200,
                    TokensEstimated: false, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(2), null, UsageOutcome.Answered,
                    FellBack: false, Escalated: false, AcceptedCharacters: null, CostUsd: 0, "kind explain"));
            }

            await ledger.FlushAsync(CancellationToken.None);
        }

        using StringWriter stdout = new();
        using StringWriter stderr = new();

        int exit = await PlanCommand.RunAsync(new PlanInvocation(Config("48"), null, Json: true, Limit), stdout, stderr, _dir, Variable(state), CancellationToken.None);

        Assert.Equal(0, exit);
        using JsonDocument plan = JsonDocument.Parse(stdout.ToString());
        Assert.Equal("the usage ledger, last 7 days: 120 requests in 2 hours of work", plan.RootElement.GetProperty("rates").GetString());
        Dictionary<string, string> placement = plan.RootElement.GetProperty("hosts")[0].GetProperty("models").EnumerateArray()
            .ToDictionary(m => m.GetProperty("model").GetString()!, m => m.GetProperty("placement").GetString()!);
        Assert.Equal("keep", placement["qwen2.5:3b"]);
        Assert.NotEqual("keep", placement["qwen2.5-coder:14b"]);
    }

    private static Func<string, string?> Variable(string stateHome) => name => name == "XDG_STATE_HOME" ? stateHome : null;

    [Fact]
    public async Task A_bad_rates_file_line_is_named_and_nothing_is_planned()
    {
        string rates = Path.Combine(_dir, "rates.txt");
        await File.WriteAllTextAsync(rates, "code 12\ncode lots\n");
        using StringWriter stdout = new();
        using StringWriter stderr = new();

        int exit = await PlanCommand.RunAsync(new PlanInvocation(Config("24"), rates, Json: false, Limit), stdout, stderr, _dir, _ => null, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains($"{rates}:2: the rate must be a number", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stdout.ToString());
    }

    [Fact]
    public async Task Doctor_warns_when_a_tiers_model_fits_on_no_host_with_the_numbers()
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();

        await DoctorCommand.RunAsync(new DoctorInvocation(Config("12"), Json: false, Limit), stdout, stderr, _dir, _ => null, CancellationToken.None);

        Assert.Matches(@"heavy: qwen2\.5-coder:32b fits on no host \(box: needs \d+\.\d GB, has 12\.0 GB \(vramGb in router\.yaml\)\)", stdout.ToString());
    }
}

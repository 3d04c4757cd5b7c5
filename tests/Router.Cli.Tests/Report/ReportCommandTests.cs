using System.Text.Json;
using Router.Cli.Commands;
using Router.Cli.Report;
using Router.Core.Usage.Reporting;
using Router.Runtime.Usage.Reporting;

namespace Router.Cli.Tests.Report;

public sealed class ReportCommandTests
{
    private static readonly string Config = Path.Combine(AppContext.BaseDirectory, "eval", "router.yaml");

    [Fact]
    public async Task Report_json_over_a_seeded_ledger_gives_the_figures_of_its_rows()
    {
        using SeededLedgerFile seeded = await SeededLedgerFile.CreateAsync();
        StringWriter stdout = new();
        StringWriter stderr = new();

        int exit = await ReportCommand.RunAsync(
            new ReportInvocation("30d", Json: true, HtmlPath: null, Config, seeded.Path), stdout, stderr, seeded.Folder, static _ => null, new FixedClock(seeded.Now), CancellationToken.None);

        Assert.True(exit == 0, stderr.ToString());
        using JsonDocument json = JsonDocument.Parse(stdout.ToString());
        JsonElement root = json.RootElement;

        // The same rows, read back from SQLite, give what the builder (checked against a plain recount) gives over them.
        UsageReport expected = UsageReportBuilder.Build(
            seeded.Records, new UsageReportOptions(seeded.Now.AddDays(-30), seeded.Now, TimeZoneInfo.Utc, 5.00m, null, new TokenPrice(3.0, 15.0)));
        Assert.Equal(10_000, root.GetProperty("requests").GetInt32());
        Assert.Equal(expected.Requests, root.GetProperty("requests").GetInt32());
        JsonElement code = root.GetProperty("tiers").EnumerateArray().First();
        Assert.Equal("code", code.GetProperty("tier").GetString());
        Assert.Equal(expected.Tiers[0].Requests, code.GetProperty("requests").GetInt32());

        JsonElement[] acceptance = [.. root.GetProperty("acceptance").EnumerateArray()];
        JsonElement lua = acceptance.Single(a => a.GetProperty("language").GetString() == "lua");
        Assert.Equal(JsonValueKind.Null, lua.GetProperty("rate").ValueKind);
        JsonElement python = acceptance.Single(a => a.GetProperty("language").GetString() == "python");
        Assert.Equal(expected.Acceptance.Single(a => a.Language == "python").Accepted, python.GetProperty("accepted").GetInt32());
        Assert.Equal(expected.Acceptance.Single(a => a.Language == "python").Rate!.Value, python.GetProperty("rate").GetDouble(), 12);

        JsonElement savings = root.GetProperty("savings");
        Assert.Equal(expected.Savings.WaitingSeconds, savings.GetProperty("waitingSeconds").GetDouble(), 3);
        Assert.Equal(expected.Savings.HeavyWaitingSeconds!.Value, savings.GetProperty("heavyWaitingSeconds").GetDouble(), 3);
        Assert.Equal(expected.Savings.FrontierUsd!.Value, savings.GetProperty("frontierUsd").GetDecimal());
        Assert.Equal(expected.Spend.WindowUsd, root.GetProperty("spend").GetProperty("windowUsd").GetDecimal());
        Assert.Equal(5.00m, root.GetProperty("spend").GetProperty("dailyBudgetUsd").GetDecimal());
        Assert.Equal(expected.Latency.Count, root.GetProperty("latency").GetArrayLength());
        Assert.Equal(expected.Reroutes.Count, root.GetProperty("reroutes").GetArrayLength());
    }

    [Fact]
    public async Task Report_text_names_each_part_and_shows_unknown_acceptance_as_unknown()
    {
        using SeededLedgerFile seeded = await SeededLedgerFile.CreateAsync();
        StringWriter stdout = new();
        StringWriter stderr = new();

        int exit = await ReportCommand.RunAsync(
            new ReportInvocation("7d", Json: false, HtmlPath: null, Config, seeded.Path), stdout, stderr, seeded.Folder, static _ => null, new FixedClock(seeded.Now), CancellationToken.None);

        Assert.True(exit == 0, stderr.ToString());
        string text = stdout.ToString();
        foreach (string part in new[] { "routes", "latency", "completions accepted", "cold loads", "fallbacks and escalations", "cloud spend", "had all gone to heavy", "had all gone to frontier" })
        {
            Assert.Contains(part, text, StringComparison.Ordinal);
        }

        string luaLine = text.Split('\n').Single(line => line.Contains(" lua ", StringComparison.Ordinal));
        Assert.Contains("unknown", luaLine, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0%", luaLine, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("0d")]
    [InlineData("7w")]
    [InlineData("2999-01-01")]
    public async Task A_since_that_is_no_span_or_past_date_is_refused_with_what_to_give(string since)
    {
        StringWriter stdout = new();
        StringWriter stderr = new();
        string folder = Directory.CreateTempSubdirectory("router-report-").FullName;

        int exit = await ReportCommand.RunAsync(
            new ReportInvocation(since, Json: false, HtmlPath: null, Config, Path.Combine(folder, "usage.db")), stdout, stderr, folder, static _ => null, TimeProvider.System, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains($"--since {since}", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "usage.db")), "a refused report must not create a ledger");
        Directory.Delete(folder, recursive: true);
    }
}

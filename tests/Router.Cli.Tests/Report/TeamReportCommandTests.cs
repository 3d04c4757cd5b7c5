using Router.Cli.Commands;
using Router.Cli.Report;
using Router.Core.Requests;
using Router.Core.Usage;
using Router.Runtime.Tests.Postgres;
using Router.Runtime.Usage.Postgres;

namespace Router.Cli.Tests.Report;

public sealed class TeamReportCommandTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("router-team-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Report_team_lists_users_keys_routes_and_models_of_the_shared_ledger(bool shareNames)
    {
        string connection = await cluster.CreateDatabaseAsync();
        await using (PostgresUsageLedger ledger = await PostgresUsageLedger.OpenAsync(connection, new PostgresLedgerOptions(Path.Combine(_folder, "seed-spool"))))
        {
            DateTimeOffset at = DateTimeOffset.UtcNow.AddHours(-1);
            ledger.Append(Row("a1", at, RequestKind.Chat, Tier.Frontier, "claude-sonnet-4-5", 0.30m) with { User = "alice", Key = "key:ci-bot" });
            ledger.Append(Row("a2", at, RequestKind.Chat, Tier.Frontier, "claude-sonnet-4-5", 0.20m) with { User = "alice", Key = "key:ci-bot" });
            ledger.Append(Row("b1", at, RequestKind.Completion, Tier.Code, "qwen2.5-coder:14b", 0) with { User = "bob" });
            await ledger.FlushAsync(CancellationToken.None);
        }

        string config = Path.Combine(_folder, "router.yaml");
        await File.WriteAllTextAsync(config, $"""
            endpoints:
              laptop: {"{"} provider: ollama, url: http://127.0.0.1:11434 {"}"}
            tiers:
              quick: {"{"} model: "qwen2.5:3b", endpoints: [laptop], contextTokens: 8192 {"}"}
            ledger:
              provider: postgres
              connectionEnv: TEAM_LEDGER
              shareNames: {(shareNames ? "true" : "false")}

            """);
        StringWriter stdout = new();
        StringWriter stderr = new();

        int exit = await ReportCommand.RunAsync(
            new ReportInvocation("1d", Json: false, HtmlPath: null, config, LedgerPath: null, Team: true), stdout, stderr, _folder,
            name => name switch { "TEAM_LEDGER" => connection, "XDG_STATE_HOME" => _folder, _ => null }, TimeProvider.System, CancellationToken.None);

        Assert.True(exit == 0, stderr.ToString());
        string text = stdout.ToString();
        Assert.Contains("3 requests, $0.50 cloud spend", text, StringComparison.Ordinal);
        Assert.Contains("key:ci-bot", text, StringComparison.Ordinal);
        Assert.Contains("chat → frontier", text, StringComparison.Ordinal);
        Assert.Contains("completion → code", text, StringComparison.Ordinal);
        Assert.Contains("claude-sonnet-4-5", text, StringComparison.Ordinal);
        if (shareNames)
        {
            Assert.Contains("alice", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("alice", text, StringComparison.Ordinal);
            Assert.DoesNotContain("bob", text, StringComparison.Ordinal);
            Assert.Contains(Router.Core.Usage.Reporting.TeamReportBuilder.HashedUser("alice"), text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(connection, text + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_team_on_a_personal_ledger_says_what_to_set()
    {
        StringWriter stdout = new();
        StringWriter stderr = new();
        string config = Path.Combine(_folder, "router.yaml");
        await File.WriteAllTextAsync(config, "endpoints:\n  laptop: { provider: ollama, url: http://127.0.0.1:11434 }\ntiers:\n  quick: { model: \"qwen2.5:3b\", endpoints: [laptop], contextTokens: 8192 }\n");

        int exit = await ReportCommand.RunAsync(
            new ReportInvocation("1d", Json: false, HtmlPath: null, config, LedgerPath: null, Team: true), stdout, stderr, _folder, static _ => null,
            TimeProvider.System, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("provider: postgres", stderr.ToString(), StringComparison.Ordinal);
    }

    private static UsageRecord Row(string id, DateTimeOffset at, RequestKind kind, Tier tier, string model, decimal cost) => new(
        id, at, kind, tier, model, cost > 0 ? "claude" : "laptop", cost > 0, "", 500, 100, false, null, TimeSpan.FromSeconds(1), null,
        UsageOutcome.Answered, false, false, null, cost, "");
}

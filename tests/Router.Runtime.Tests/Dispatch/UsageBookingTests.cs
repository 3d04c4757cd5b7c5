using System.Text;
using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Core.Usage;
using Router.Emulator;
using Router.Runtime.Budget;
using Router.Runtime.Dispatch;
using Router.Runtime.Tests.Usage;
using Router.Runtime.Usage;
using static Router.Runtime.Tests.Dispatch.EmulatedCluster;

namespace Router.Runtime.Tests.Dispatch;

/// <summary>What the dispatcher books in the usage ledger, and how it holds the budget, over real HTTP to emulated hosts.</summary>
public sealed class UsageBookingTests : IDisposable
{
    private const string AwsKey = "AKIAZ7QWERTYUIOPASDF";
    private const string Password = "Tr0ub4dor-and-3-horses";

    private static readonly RouteRequest Completion = new("c1", RequestKind.Completion)
    {
        Language = "python",
        Prefix = "def add(a, b):\n    ",
        Suffix = "\n\nprint(add(1, 2))\n",
    };

    private readonly LedgerFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<UsageLedger> OpenAsync() => await UsageLedger.OpenAsync(_folder.Database, cancellationToken: CancellationToken.None);

    private static DispatchOptions Options(UsageLedger ledger) => new()
    {
        Deadlines = Generous,
        ChunkIdleTimeout = TimeSpan.FromSeconds(5),
        Usage = ledger,
        Budget = ledger.Budget,
    };

    private static async Task<List<UsageRecord>> BookedAsync(UsageLedger ledger)
    {
        await ledger.FlushAsync(CancellationToken.None);
        List<UsageRecord> records = [];
        await foreach (UsageRecord record in ledger.ReadSinceAsync(DateTimeOffset.MinValue, CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }

    [Fact]
    public async Task An_answered_completion_is_booked_as_shown_with_the_hosts_own_token_counts()
    {
        await using EmulatedCluster cluster = await StartAsync("a", "b");
        RouterConfig config = cluster.Config(new() { [Tier.Code] = ["a", "b"] });
        cluster["a"].SetFaults(new EmulatorFaultSet { HostDown = true });
        await using UsageLedger ledger = await OpenAsync();
        DispatchRequest request = Request(config, Completion);

        DispatchResult result = await cluster.Dispatcher(Options(ledger)).DispatchAsync(request, null, Deadline());

        UsageRecord booked = Assert.Single(await BookedAsync(ledger));
        Assert.Equal(request.UsageId, booked.RequestId);
        Assert.Equal((RequestKind.Completion, Tier.Code, CodeModel, "b", false, "python"), (booked.Kind, booked.Tier, booked.Model, booked.Endpoint, booked.IsCloud, booked.Language));
        Assert.Equal(UsageOutcome.Shown, booked.Outcome);
        Assert.False(booked.TokensEstimated);
        Assert.Equal((result.Usage!.PromptTokens, result.Usage.OutputTokens), (booked.InputTokens, booked.OutputTokens));
        Assert.True(booked.FellBack);
        Assert.Equal(result.Latency, booked.Latency);
        Assert.Equal(0m, booked.CostUsd);
    }

    [Fact]
    public async Task A_dispatch_no_host_answers_is_booked_as_failed_on_the_decided_route()
    {
        await using EmulatedCluster cluster = await StartAsync("a");
        RouterConfig config = cluster.Config(new() { [Tier.Code] = ["a"] });
        cluster["a"].SetFaults(new EmulatorFaultSet { HostDown = true });
        await using UsageLedger ledger = await OpenAsync();

        await Assert.ThrowsAsync<DispatchFailedException>(() => cluster.Dispatcher(Options(ledger)).DispatchAsync(Request(config, Completion), null, Deadline()));

        UsageRecord booked = Assert.Single(await BookedAsync(ledger));
        Assert.Equal((UsageOutcome.Failed, "a", 0, true), (booked.Outcome, booked.Endpoint, booked.OutputTokens, booked.TokensEstimated));
    }

    [Fact]
    public async Task A_cloud_answer_is_reserved_settled_and_booked_at_its_price()
    {
        await using EmulatedCluster cluster = await StartAsync("cloud");
        RouterConfig config = cluster.Config(new() { [Tier.Frontier] = ["cloud"] });
        config = config with { Routes = config.Routes with { Chat = Tier.Frontier } };
        await using UsageLedger ledger = await OpenAsync();

        DispatchResult result = await cluster.Dispatcher(Options(ledger))
            .DispatchAsync(Request(config, new RouteRequest("q", RequestKind.Chat) { Text = "Plan a migration of the billing service." }), null, Deadline());

        UsageRecord booked = Assert.Single(await BookedAsync(ledger));
        Assert.True(booked.IsCloud);
        Assert.True(booked.CostUsd > 0);
        Assert.Equal((decimal)result.CostUsd, booked.CostUsd, 9);
        BudgetStanding standing = await ledger.Budget.RefreshAsync(CancellationToken.None);
        Assert.Equal(booked.CostUsd, standing.SpentToday, 9);
        Assert.Equal(0m, standing.ReservedToday);
    }

    [Fact]
    public async Task A_cloud_attempt_another_process_left_no_budget_for_is_skipped_and_the_local_fallback_answers()
    {
        await using EmulatedCluster cluster = await StartAsync("cloud", "gpu");
        RouterConfig config = cluster.Config(
            new() { [Tier.Frontier] = ["cloud"], [Tier.Heavy] = ["gpu"] },
            new() { [Tier.Frontier] = [Tier.Heavy] },
            dailyUsd: 1);
        config = config with { Routes = config.Routes with { Chat = Tier.Frontier } };
        await using UsageLedger ledger = await OpenAsync();
        DispatchRequest request = Request(config, new RouteRequest("q", RequestKind.Chat) { Text = "Tell me about the weather." });
        Assert.Equal(Tier.Frontier, request.Decision.Tier);

        // Another router process has the day's budget in flight.
        await using (UsageLedger other = await OpenAsync())
        {
            Assert.True((await other.Budget.ReserveAsync(new BudgetClaim("cloud", Tier.Frontier, 0.9999m, config.Budget), CancellationToken.None)).Granted);
        }

        DispatchResult result = await cluster.Dispatcher(Options(ledger)).DispatchAsync(request, null, Deadline());

        Assert.Equal("gpu", result.Endpoint);
        Assert.Empty(cluster["cloud"].Requests);
        Assert.StartsWith("refused: over the daily budget", result.Attempts[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_request_leaves_none_of_its_text_in_the_ledger_file()
    {
        await using EmulatedCluster cluster = await StartAsync("a");
        RouterConfig config = cluster.Config(new() { [Tier.Quick] = ["a"], [Tier.Code] = ["a"] });
        await using UsageLedger ledger = await OpenAsync();
        RouteRequest secret = new("s1", RequestKind.Explain)
        {
            Language = "python",
            File = "deploy/settings.py",
            Text = $"aws_access_key_id = \"{AwsKey}\"\ndb_password = \"{Password}\"\nconnect(region='eu-west-3')",
        };
        DispatchRequest request = Request(config, secret);
        Assert.True(request.Decision.LocalOnly);

        DispatchResult result = await cluster.Dispatcher(Options(ledger)).DispatchAsync(request, null, Deadline());
        UsageRecord booked = Assert.Single(await BookedAsync(ledger));
        Assert.Contains("private", booked.Reasons, StringComparison.Ordinal);

        byte[] file = _folder.DatabaseBytes();
        Assert.NotEmpty(file);
        string answerPiece = result.Text.Trim().Length >= 12 ? result.Text.Trim()[..12] : result.Text.Trim();
        foreach (string text in new[] { AwsKey, Password, "eu-west-3", "settings.py", answerPiece })
        {
            Assert.True(text.Length >= 8, $"'{text}' is too short to search for");
            Assert.False(Contains(file, Encoding.UTF8.GetBytes(text)), $"'{text}' is in the ledger (UTF-8)");
            Assert.False(Contains(file, Encoding.Unicode.GetBytes(text)), $"'{text}' is in the ledger (UTF-16)");
        }
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}

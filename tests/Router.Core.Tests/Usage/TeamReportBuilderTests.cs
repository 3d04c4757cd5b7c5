using Router.Core.Requests;
using Router.Core.Usage;
using Router.Core.Usage.Reporting;

namespace Router.Core.Tests.Usage;

public sealed class TeamReportBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static UsageRecord Row(string id, string? user, string? key, RequestKind kind, Tier tier, string model, decimal cost, int hoursAgo = 1) => new(
        id, Now.AddHours(-hoursAgo), kind, tier, model, "ep", cost > 0, "", 100, 10, false, null, null, null, UsageOutcome.Answered, false, false, null, cost, "")
    {
        User = user,
        Key = key,
    };

    private static readonly UsageRecord[] Rows =
    [
        Row("1", "alice", "key:ci-bot", RequestKind.Chat, Tier.Frontier, "claude", 0.30m),
        Row("2", "alice", null, RequestKind.Chat, Tier.Frontier, "claude", 0.20m),
        Row("3", "bob", null, RequestKind.Completion, Tier.Code, "coder", 0),
        Row("4", "carol", null, RequestKind.Completion, Tier.Code, "coder", 0, hoursAgo: 48),
    ];

    [Fact]
    public void Users_are_hashed_unless_names_are_shared_and_rows_before_the_window_are_left_out()
    {
        TeamReport hashed = TeamReportBuilder.Build(Rows, Now.AddDays(-1), shareNames: false);
        TeamReport named = TeamReportBuilder.Build(Rows, Now.AddDays(-1), shareNames: true);

        Assert.Equal((3, 0.50m), (hashed.Requests, hashed.CostUsd));
        Assert.Equal([TeamReportBuilder.HashedUser("alice"), TeamReportBuilder.HashedUser("bob")], hashed.Users.Select(u => u.Name));
        Assert.Equal(["alice", "bob"], named.Users.Select(u => u.Name));
        Assert.Equal((2, 2, 0.50m), (named.Users[0].Requests, named.Users[0].CloudRequests, named.Users[0].CostUsd));
        Assert.DoesNotContain("alice", TeamReportBuilder.HashedUser("alice"), StringComparison.Ordinal);
        Assert.NotEqual(TeamReportBuilder.HashedUser("alice"), TeamReportBuilder.HashedUser("bob"));
    }

    [Fact]
    public void Keys_routes_and_models_are_totalled_dearest_first()
    {
        TeamReport report = TeamReportBuilder.Build(Rows, Now.AddDays(-1), shareNames: false);

        Assert.Equal([("key:ci-bot", 1, 0.30m), (TeamReportBuilder.Nobody, 2, 0.20m)], report.Keys.Select(k => (k.Name, k.Requests, k.CostUsd)));
        Assert.Equal(["chat → frontier", "completion → code"], report.Routes.Select(r => r.Name));
        Assert.Equal([("claude", 220L), ("coder", 110L)], report.Models.Select(m => (m.Name, m.InputTokens + m.OutputTokens)));
    }
}

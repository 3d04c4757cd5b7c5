using Router.Core.Requests;
using Router.Core.Usage;
using Router.Core.Usage.Reporting;

namespace Router.Core.Tests.Usage;

public sealed class UsageReportBuilderTests
{
    private static readonly TokenPrice Frontier = new(3.0, 15.0);

    private static UsageReportOptions Options(DateTimeOffset since) =>
        new(since, SeededLedger.End, TimeZoneInfo.Utc, DailyBudgetUsd: 0.05m, MonthlyBudgetUsd: 1.00m, FrontierPrice: Frontier);

    [Theory]
    [InlineData(30)]
    [InlineData(7)]
    [InlineData(1)]
    public void Seeded_ledger_report_matches_a_plain_recount(int days)
    {
        IReadOnlyList<UsageRecord> records = SeededLedger.Records();
        DateTimeOffset since = SeededLedger.End.AddDays(-days);
        UsageReport report = UsageReportBuilder.Build(records, Options(since));

        List<UsageRecord> window = [];
        foreach (UsageRecord r in records)
        {
            if (r.At >= since && r.At <= SeededLedger.End)
            {
                window.Add(r);
            }
        }

        Assert.Equal(window.Count, report.Requests);
        Assert.True(report.Requests > (days == 30 ? 9_900 : 200), $"the seeded window holds {report.Requests} requests");

        // Tier shares.
        foreach (Tier tier in TierNames.All)
        {
            int count = 0;
            foreach (UsageRecord r in window)
            {
                count += r.Tier == tier ? 1 : 0;
            }

            TierShare? share = report.Tiers.SingleOrDefault(t => t.Tier == tier.Name());
            Assert.Equal(count, share?.Requests ?? 0);
            Assert.Equal((double)count / window.Count, share?.Share ?? 0, 12);
        }

        // Routes: requests, tokens and time.
        long allTokens = 0;
        double allSeconds = 0;
        foreach (UsageRecord r in window)
        {
            allTokens += r.InputTokens + r.OutputTokens;
            allSeconds += r.Latency?.TotalSeconds ?? 0;
        }

        Assert.Equal(window.Count, report.Routes.Sum(r => r.Requests));
        foreach (RouteShare route in report.Routes)
        {
            int count = 0;
            long tokens = 0;
            double seconds = 0;
            foreach (UsageRecord r in window)
            {
                if (r.Tier.Name() == route.Tier && r.Model == route.Model && r.IsCloud == route.IsCloud)
                {
                    count++;
                    tokens += r.InputTokens + r.OutputTokens;
                    seconds += r.Latency?.TotalSeconds ?? 0;
                }
            }

            Assert.Equal(count, route.Requests);
            Assert.Equal(tokens, route.Tokens);
            Assert.Equal(seconds, route.Seconds, 6);
            Assert.Equal((double)tokens / allTokens, route.TokenShare, 12);
            Assert.Equal(seconds / allSeconds, route.TimeShare, 9);
        }

        // Latency percentiles per tier and model.
        Assert.NotEmpty(report.Latency);
        foreach (LatencyPercentiles row in report.Latency)
        {
            List<double> firsts = [];
            List<double> latencies = [];
            foreach (UsageRecord r in window)
            {
                if (r.Tier.Name() == row.Tier && r.Model == row.Model && r.Latency is { } latency)
                {
                    latencies.Add(latency.TotalMilliseconds);
                    if (r.TimeToFirstToken is { } first)
                    {
                        firsts.Add(first.TotalMilliseconds);
                    }
                }
            }

            Assert.Equal(latencies.Count, row.Requests);
            Assert.Equal(RankOf(latencies, 0.50), row.LatencyP50Ms);
            Assert.Equal(RankOf(latencies, 0.95), row.LatencyP95Ms);
            Assert.Equal(RankOf(firsts, 0.50), row.FirstTokenP50Ms);
            Assert.Equal(RankOf(firsts, 0.95), row.FirstTokenP95Ms);
            Assert.True(row.LatencyP95Ms >= row.LatencyP50Ms);
        }

        // Acceptance per model and language; Lua's editor never reported, so its rate is unknown.
        Assert.NotEmpty(report.Acceptance);
        foreach (AcceptanceRate row in report.Acceptance)
        {
            int accepted = 0, dismissed = 0, shown = 0;
            long characters = 0;
            foreach (UsageRecord r in window)
            {
                if (r.Kind != RequestKind.Completion || r.Model != row.Model || r.Language != row.Language)
                {
                    continue;
                }

                switch (r.Outcome)
                {
                    case UsageOutcome.Accepted:
                        accepted++;
                        characters += r.AcceptedCharacters ?? 0;
                        break;
                    case UsageOutcome.Dismissed:
                        dismissed++;
                        break;
                    case UsageOutcome.Shown:
                        shown++;
                        break;
                }
            }

            Assert.Equal(accepted, row.Accepted);
            Assert.Equal(dismissed, row.Dismissed);
            Assert.Equal(shown, row.Unreported);
            Assert.Equal(characters, row.AcceptedCharacters);
            Assert.Equal(accepted + dismissed == 0 ? null : (double)accepted / (accepted + dismissed), row.Rate);
        }

        Assert.Null(report.Acceptance.Single(a => a.Language == "lua").Rate);
        Assert.InRange(report.Acceptance.Single(a => a.Language == "python").Rate!.Value, 0.1, 0.5);
        AcceptanceRate coder = report.AcceptanceByModel.Single();
        Assert.Equal(report.Acceptance.Sum(a => a.Accepted), coder.Accepted);
        Assert.Equal(report.Acceptance.Sum(a => a.Unreported), coder.Unreported);

        // Cold loads per model.
        foreach (ColdLoadCount cold in report.ColdLoads)
        {
            int loads = 0;
            foreach (UsageRecord r in window)
            {
                loads += r.Model == cold.Model && r.ColdLoad is not null ? 1 : 0;
            }

            Assert.Equal(loads, cold.Loads);
        }

        Assert.Equal(window.Count(r => r.ColdLoad is not null), report.ColdLoads.Sum(c => c.Loads));

        // Fallbacks and escalations.
        Assert.Equal(window.Count(r => r.FellBack), report.Reroutes.Where(r => r.Kind == "fallback").Sum(r => r.Requests));
        Assert.Equal(window.Count(r => r.Escalated), report.Reroutes.Where(r => r.Kind == "escalation").Sum(r => r.Requests));

        // Spend per day, today and this month.
        decimal windowUsd = 0, monthUsd = 0, todayUsd = 0;
        Dictionary<DateOnly, decimal> perDay = [];
        foreach (UsageRecord r in records)
        {
            DateOnly day = DateOnly.FromDateTime(r.At.UtcDateTime);
            if (day.Month == 12 && day.Year == 2026)
            {
                monthUsd += r.CostUsd;
            }

            if (day == new DateOnly(2026, 12, 6))
            {
                todayUsd += r.CostUsd;
            }

            if (r.At >= since)
            {
                windowUsd += r.CostUsd;
                perDay[day] = perDay.GetValueOrDefault(day) + r.CostUsd;
            }
        }

        Assert.Equal(windowUsd, report.Spend.WindowUsd);
        Assert.Equal(monthUsd, report.Spend.MonthUsd);
        Assert.Equal(todayUsd, report.Spend.TodayUsd);
        Assert.Equal(days + 1, report.Spend.Days.Count);
        foreach (SpendDay day in report.Spend.Days)
        {
            Assert.Equal(perDay.GetValueOrDefault(day.Date), day.Usd);
        }

        Assert.Equal(perDay.Values.Count(usd => usd > 0.05m), report.Spend.DaysOverDailyBudget);

        // Savings against one big model.
        double waiting = 0, gpu = 0, heavySeconds = 0;
        decimal frontierUsd = 0;
        List<double> promptRates = [];
        List<double> outputRates = [];
        foreach (UsageRecord r in window)
        {
            if (r.Tier == Tier.Heavy && r.Outcome is UsageOutcome.Answered && r.TimeToFirstToken is { } first && r.Latency is { } latency)
            {
                promptRates.Add(r.InputTokens / (first - (r.ColdLoad ?? TimeSpan.Zero)).TotalSeconds);
                outputRates.Add(r.OutputTokens / (latency - first).TotalSeconds);
            }
        }

        double promptRate = RankOf(promptRates, 0.5)!.Value;
        double outputRate = RankOf(outputRates, 0.5)!.Value;
        int served = 0;
        foreach (UsageRecord r in window)
        {
            if (r.Outcome is UsageOutcome.Failed or UsageOutcome.Cancelled)
            {
                continue;
            }

            served++;
            waiting += r.Latency!.Value.TotalSeconds;
            gpu += r.IsCloud ? 0 : r.Latency!.Value.TotalSeconds;
            heavySeconds += (r.InputTokens / promptRate) + (r.OutputTokens / outputRate);
            frontierUsd += (decimal)(((r.InputTokens * 3.0) + (r.OutputTokens * 15.0)) / 1_000_000);
        }

        SingleModelSavings savings = report.Savings;
        Assert.Equal(served, savings.Requests);
        Assert.Equal(waiting, savings.WaitingSeconds, 6);
        Assert.Equal(gpu, savings.GpuSeconds, 6);
        Assert.Equal(heavySeconds, savings.HeavyWaitingSeconds!.Value, 6);
        Assert.Equal(frontierUsd, savings.FrontierUsd);
        Assert.Equal("qwen2.5-coder:32b", savings.Heavy!.Model);
        Assert.InRange(savings.Heavy.OutputTokensPerSecond, 14, 24);

        // The point of routing: most requests went to a model much faster than heavy.
        Assert.True(savings.HeavyWaitingSeconds > 2 * savings.WaitingSeconds, $"{savings.HeavyWaitingSeconds} s on heavy against {savings.WaitingSeconds} s routed");
    }

    [Fact]
    public void Savings_against_heavy_run_each_request_at_heavys_measured_speed()
    {
        DateTimeOffset at = SeededLedger.End.AddHours(-1);

        // Heavy read 1,000 tokens in 2 s after a 3 s cold load (500 a second) and wrote 100 in 5 s (20 a second).
        UsageRecord heavy = Record("h", at, Tier.Heavy, "qwen2.5-coder:32b", input: 1000, output: 100, first: 5, latency: 10) with { ColdLoad = TimeSpan.FromSeconds(3) };
        UsageRecord code = Record("c", at, Tier.Code, "qwen2.5-coder:14b", input: 500, output: 50, first: 0.2, latency: 0.5);
        UsageReport report = UsageReportBuilder.Build([heavy, code], new UsageReportOptions(at.AddDays(-1), SeededLedger.End, TimeZoneInfo.Utc));

        Assert.Equal(500, report.Savings.Heavy!.PromptTokensPerSecond);
        Assert.Equal(20, report.Savings.Heavy.OutputTokensPerSecond);

        // Heavy on its own request without the cold load: 2 s + 5 s; on the code request: 1 s + 2.5 s.
        Assert.Equal(7 + 3.5, report.Savings.HeavyWaitingSeconds!.Value, 9);
        Assert.Equal(10.5, report.Savings.WaitingSeconds, 9);
        Assert.Null(report.Savings.FrontierUsd);
    }

    [Fact]
    public void Without_a_heavy_request_there_is_no_speed_to_measure_and_the_saving_is_unknown()
    {
        DateTimeOffset at = SeededLedger.End.AddHours(-1);
        UsageReport report = UsageReportBuilder.Build(
            [Record("c", at, Tier.Code, "qwen2.5-coder:14b", 500, 50, 0.2, 0.5)],
            new UsageReportOptions(at.AddDays(-1), SeededLedger.End, TimeZoneInfo.Utc, FrontierPrice: Frontier));

        Assert.Null(report.Savings.Heavy);
        Assert.Null(report.Savings.HeavyWaitingSeconds);
        Assert.Equal((500 * 3.0 + 50 * 15.0) / 1_000_000, (double)report.Savings.FrontierUsd!.Value, 12);
    }

    [Fact]
    public void Completions_from_an_editor_that_never_reports_accepts_show_unknown_not_zero()
    {
        DateTimeOffset at = SeededLedger.End.AddMinutes(-5);
        UsageRecord[] records =
        [
            Record("1", at, Tier.Code, "coder", 100, 5, 0.1, 0.2) with { Kind = RequestKind.Completion, Outcome = UsageOutcome.Shown, Language = "lua" },
            Record("2", at, Tier.Code, "coder", 100, 5, 0.1, 0.2) with { Kind = RequestKind.Completion, Outcome = UsageOutcome.Shown, Language = "lua" },
            Record("3", at, Tier.Code, "coder", 100, 5, 0.1, 0.2) with { Kind = RequestKind.Completion, Outcome = UsageOutcome.Dismissed, Language = "python" },
        ];

        UsageReport report = UsageReportBuilder.Build(records, new UsageReportOptions(at.AddDays(-1), SeededLedger.End, TimeZoneInfo.Utc));

        AcceptanceRate lua = report.Acceptance.Single(a => a.Language == "lua");
        Assert.Null(lua.Rate);
        Assert.Equal(2, lua.Unreported);
        Assert.Equal(0.0, report.Acceptance.Single(a => a.Language == "python").Rate);
        Assert.Equal(0.0, report.AcceptanceByModel.Single().Rate);
    }

    [Fact]
    public void This_months_spend_counts_records_before_the_window_and_days_follow_the_users_zone()
    {
        TimeZoneInfo tokyo = TimeZoneInfo.CreateCustomTimeZone("UTC+9", TimeSpan.FromHours(9), "UTC+9", "UTC+9");
        DateTimeOffset now = new(2026, 12, 20, 16, 0, 0, TimeSpan.Zero); // 01:00 on the 21st in UTC+9
        UsageRecord early = Record("a", new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), Tier.Frontier, "cloud", 1, 1, 1, 2) with { CostUsd = 0.40m, IsCloud = true };
        UsageRecord lastMonth = Record("b", new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero), Tier.Frontier, "cloud", 1, 1, 1, 2) with { CostUsd = 9m, IsCloud = true };
        UsageRecord late = Record("c", new DateTimeOffset(2026, 12, 20, 15, 30, 0, TimeSpan.Zero), Tier.Frontier, "cloud", 1, 1, 1, 2) with { CostUsd = 0.25m, IsCloud = true };

        UsageReport report = UsageReportBuilder.Build([lastMonth, early, late], new UsageReportOptions(now.AddDays(-7), now, tokyo, DailyBudgetUsd: 0.20m));

        // 14:00 UTC on 30 November is 23:00 that day in UTC+9: November's, not December's.
        Assert.Equal(0.65m, report.Spend.MonthUsd);
        Assert.Equal(0.25m, report.Spend.WindowUsd);
        Assert.Equal(new DateOnly(2026, 12, 21), report.Spend.Today);
        Assert.Equal(0.25m, report.Spend.TodayUsd);
        Assert.Equal(1, report.Spend.DaysOverDailyBudget);
    }

    [Theory]
    [InlineData(new double[] { 1, 2, 3, 4 }, 50, 2)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 95, 4)]
    [InlineData(new double[] { 7 }, 95, 7)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 }, 95, 19)]
    public void Percentiles_are_nearest_rank_and_always_a_measured_value(double[] sorted, double percent, double expected) =>
        Assert.Equal(expected, Percentile.NearestRank(sorted, percent));

    private static double? RankOf(List<double> values, double fraction)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        int index = (int)Math.Ceiling(fraction * values.Count) - 1;
        return values[Math.Max(index, 0)];
    }

    private static UsageRecord Record(string id, DateTimeOffset at, Tier tier, string model, int input, int output, double first, double latency) =>
        new(id, at, RequestKind.Chat, tier, model, "gpu-box", false, "", input, output, false,
            TimeSpan.FromSeconds(first), TimeSpan.FromSeconds(latency), null, UsageOutcome.Answered, false, false, null, 0m, "kind chat");
}

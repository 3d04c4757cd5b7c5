using Router.Core.Budget;
using Router.Core.Requests;

namespace Router.Core.Usage.Reporting;

/// <summary>Builds a <see cref="UsageReport"/> from ledger records; pure, so the CLI, the language server and the tests
/// compute the same figures from the same rows.</summary>
public static class UsageReportBuilder
{
    /// <summary>Reports on the records between <see cref="UsageReportOptions.Since"/> and <see cref="UsageReportOptions.Until"/>.
    /// Earlier records of the same month count toward the month's spend only, so a caller reads from the start of the month
    /// (or the window, if earlier).</summary>
    public static UsageReport Build(IEnumerable<UsageRecord> records, UsageReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        List<UsageRecord> all = [.. records.Where(r => r.At <= options.Until)];
        List<UsageRecord> window = [.. all.Where(r => r.At >= options.Since)];
        return new UsageReport(
            options.Since,
            options.Until,
            window.Count,
            Tiers(window),
            Routes(window),
            Latency(window),
            Acceptance(window, byLanguage: false),
            Acceptance(window, byLanguage: true),
            ColdLoads(window),
            Reroutes(window),
            Spend(all, window, options),
            Savings(window, options.FrontierPrice));
    }

    /// <summary>The outcomes in which a model produced an answer that reached the user.</summary>
    public static bool Served(UsageOutcome outcome) =>
        outcome is UsageOutcome.Answered or UsageOutcome.Shown or UsageOutcome.Accepted or UsageOutcome.Dismissed;

    private static List<TierShare> Tiers(List<UsageRecord> window) =>
        [.. window
            .GroupBy(r => r.Tier)
            .Select(g => new TierShare(g.Key.Name(), g.Count(), Share(g.Count(), window.Count)))
            .OrderByDescending(t => t.Requests)
            .ThenBy(t => t.Tier, StringComparer.Ordinal)];

    private static List<RouteShare> Routes(List<UsageRecord> window)
    {
        long tokens = window.Sum(r => (long)r.InputTokens + r.OutputTokens);
        double seconds = window.Sum(Seconds);
        return [.. window
            .GroupBy(r => (r.Tier, r.Model, r.IsCloud))
            .Select(g =>
            {
                long routeTokens = g.Sum(r => (long)r.InputTokens + r.OutputTokens);
                double routeSeconds = g.Sum(Seconds);
                return new RouteShare(
                    g.Key.Tier.Name(),
                    g.Key.Model,
                    g.Key.IsCloud,
                    g.Count(),
                    Share(g.Count(), window.Count),
                    routeTokens,
                    tokens == 0 ? 0 : (double)routeTokens / tokens,
                    routeSeconds,
                    seconds == 0 ? 0 : routeSeconds / seconds);
            })
            .OrderByDescending(r => r.Requests)
            .ThenBy(r => r.Tier, StringComparer.Ordinal)
            .ThenBy(r => r.Model, StringComparer.Ordinal)];
    }

    private static List<LatencyPercentiles> Latency(List<UsageRecord> window) =>
        [.. window
            .Where(r => r.Latency is not null)
            .GroupBy(r => (r.Tier, r.Model))
            .Select(g =>
            {
                List<double> firstTokens = Sorted(g.Where(r => r.TimeToFirstToken is not null).Select(r => r.TimeToFirstToken!.Value.TotalMilliseconds));
                List<double> latencies = Sorted(g.Select(r => r.Latency!.Value.TotalMilliseconds));
                return new LatencyPercentiles(
                    g.Key.Tier.Name(),
                    g.Key.Model,
                    g.Count(),
                    Percentile.NearestRank(firstTokens, 50),
                    Percentile.NearestRank(firstTokens, 95),
                    Percentile.NearestRank(latencies, 50),
                    Percentile.NearestRank(latencies, 95));
            })
            .OrderBy(l => TierOrder(l.Tier))
            .ThenBy(l => l.Model, StringComparer.Ordinal)];

    private static List<AcceptanceRate> Acceptance(List<UsageRecord> window, bool byLanguage) =>
        [.. window
            .Where(r => r.Kind == RequestKind.Completion && r.Outcome is UsageOutcome.Shown or UsageOutcome.Accepted or UsageOutcome.Dismissed)
            .GroupBy(r => (r.Model, Language: byLanguage ? r.Language : ""))
            .Select(g =>
            {
                int accepted = g.Count(r => r.Outcome == UsageOutcome.Accepted);
                int dismissed = g.Count(r => r.Outcome == UsageOutcome.Dismissed);
                return new AcceptanceRate(
                    g.Key.Model,
                    g.Key.Language,
                    g.Count(),
                    accepted,
                    dismissed,
                    g.Count(r => r.Outcome == UsageOutcome.Shown),
                    g.Where(r => r.Outcome == UsageOutcome.Accepted).Sum(r => (long)(r.AcceptedCharacters ?? 0)),
                    accepted + dismissed == 0 ? null : (double)accepted / (accepted + dismissed));
            })
            .OrderBy(a => a.Model, StringComparer.Ordinal)
            .ThenBy(a => a.Language, StringComparer.Ordinal)];

    private static List<ColdLoadCount> ColdLoads(List<UsageRecord> window) =>
        [.. window
            .Where(r => r.ColdLoad is { } load && load > TimeSpan.Zero)
            .GroupBy(r => r.Model)
            .Select(g => new ColdLoadCount(g.Key, g.Count(), g.Sum(r => r.ColdLoad!.Value.TotalSeconds), g.Max(r => r.ColdLoad!.Value.TotalSeconds)))
            .OrderByDescending(c => c.Loads)
            .ThenBy(c => c.Model, StringComparer.Ordinal)];

    private static List<RerouteCount> Reroutes(List<UsageRecord> window) =>
        [.. window
            .SelectMany(r => (r.FellBack, r.Escalated) switch
            {
                (true, true) => new[] { ("fallback", r), ("escalation", r) },
                (true, false) => [("fallback", r)],
                (false, true) => [("escalation", r)],
                _ => [],
            })
            .GroupBy(x => (Kind: x.Item1, x.r.Tier, x.r.Model, x.r.Reasons))
            .Select(g => new RerouteCount(g.Key.Kind, g.Key.Tier.Name(), g.Key.Model, g.Key.Reasons, g.Count()))
            .OrderByDescending(r => r.Requests)
            .ThenBy(r => r.Kind, StringComparer.Ordinal)
            .ThenBy(r => r.Tier, StringComparer.Ordinal)
            .ThenBy(r => r.Model, StringComparer.Ordinal)
            .ThenBy(r => r.Reasons, StringComparer.Ordinal)];

    private static SpendStanding Spend(List<UsageRecord> all, List<UsageRecord> window, UsageReportOptions options)
    {
        DateOnly first = LocalDate(options.Since, options.TimeZone);
        DateOnly today = LocalDate(options.Until, options.TimeZone);
        Dictionary<DateOnly, (decimal Usd, int Cloud)> byDay = [];
        foreach (UsageRecord record in window)
        {
            DateOnly day = LocalDate(record.At, options.TimeZone);
            (decimal usd, int cloud) = byDay.GetValueOrDefault(day);
            byDay[day] = (usd + record.CostUsd, cloud + (record.IsCloud ? 1 : 0));
        }

        List<SpendDay> days = [];
        for (DateOnly day = first; day <= today; day = day.AddDays(1))
        {
            (decimal usd, int cloud) = byDay.GetValueOrDefault(day);
            days.Add(new SpendDay(day, usd, cloud));
        }

        decimal month = all
            .Where(r => LocalDate(r.At, options.TimeZone) is { } day && day.Year == today.Year && day.Month == today.Month)
            .Sum(r => r.CostUsd);
        decimal todayUsd = all.Where(r => LocalDate(r.At, options.TimeZone) == today).Sum(r => r.CostUsd);
        int over = options.DailyBudgetUsd is { } daily ? days.Count(d => d.Usd > daily) : 0;
        return new SpendStanding(window.Sum(r => r.CostUsd), today, todayUsd, month, options.DailyBudgetUsd, options.MonthlyBudgetUsd, over, days);
    }

    private static SingleModelSavings Savings(List<UsageRecord> window, TokenPrice? frontier)
    {
        List<UsageRecord> served = [.. window.Where(r => Served(r.Outcome))];
        ModelSpeed? heavy = HeavySpeed(served);
        double? heavySeconds = heavy is null
            ? null
            : served.Sum(r => (r.InputTokens / heavy.PromptTokensPerSecond) + (r.OutputTokens / heavy.OutputTokensPerSecond));
        decimal? frontierUsd = frontier is null
            ? null
            : served.Sum(r => (decimal)CloudCost.Usd(r.InputTokens, r.OutputTokens, frontier.UsdPerMillionInput, frontier.UsdPerMillionOutput));
        return new SingleModelSavings(
            served.Count,
            served.Sum(Seconds),
            served.Where(r => !r.IsCloud).Sum(Seconds),
            served.Sum(r => r.CostUsd),
            heavy,
            heavySeconds,
            frontierUsd);
    }

    /// <summary>Heavy's speeds, measured on its local requests that streamed: prompt tokens over the wait for the first token
    /// (less any cold load), output tokens over the time after it.</summary>
    private static ModelSpeed? HeavySpeed(List<UsageRecord> served)
    {
        List<(string Model, double Prompt, double Output)> samples = [];
        foreach (UsageRecord r in served)
        {
            if (r.Tier != Tier.Heavy || r.IsCloud || r.TimeToFirstToken is not { } first || r.Latency is not { } latency
                || r.InputTokens <= 0 || r.OutputTokens <= 0)
            {
                continue;
            }

            double reading = (first - (r.ColdLoad ?? TimeSpan.Zero)).TotalSeconds;
            double writing = (latency - first).TotalSeconds;
            if (reading > 0 && writing > 0)
            {
                samples.Add((r.Model, r.InputTokens / reading, r.OutputTokens / writing));
            }
        }

        if (samples.Count == 0)
        {
            return null;
        }

        string model = samples.GroupBy(s => s.Model).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        return new ModelSpeed(
            model,
            samples.Count,
            Percentile.NearestRank(Sorted(samples.Select(s => s.Prompt)), 50)!.Value,
            Percentile.NearestRank(Sorted(samples.Select(s => s.Output)), 50)!.Value);
    }

    private static double Seconds(UsageRecord record) => record.Latency?.TotalSeconds ?? 0;

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static List<double> Sorted(IEnumerable<double> values)
    {
        List<double> list = [.. values];
        list.Sort();
        return list;
    }

    private static int TierOrder(string tier) => TierNames.TryParse(tier, out Tier? parsed) ? (int)parsed.Value : int.MaxValue;

    private static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}

using System.Globalization;
using System.Text;
using Router.Cli.Terminal;
using Router.Core.Usage.Reporting;
using static Router.Runtime.Usage.Reporting.UsageFigures;

namespace Router.Cli.Report;

/// <summary>`router report` for a terminal: one aligned table per part of the report.</summary>
internal static class ReportText
{
    public static string Format(UsageReport report, string ledgerPath)
    {
        StringBuilder text = new();
        text.AppendLine(CultureInfo.InvariantCulture, $"usage {report.Since.ToLocalTime():yyyy-MM-dd HH:mm} to {report.Until.ToLocalTime():yyyy-MM-dd HH:mm}: {Count(report.Requests)} requests (ledger {ledgerPath})");
        if (report.Requests == 0)
        {
            return text.AppendLine("no requests in this window").ToString();
        }

        SingleModelSavings savings = report.Savings;
        text.AppendLine()
            .AppendLine($"waiting      {Duration(savings.WaitingSeconds)} routed, over {Count(savings.Requests)} answers; "
                + (savings.HeavyWaitingSeconds is { } heavy && savings.Heavy is { } speed
                    ? $"{Duration(heavy)} had all gone to heavy ({speed.Model}: {Number(speed.PromptTokensPerSecond, "0")} prompt and {Number(speed.OutputTokensPerSecond, "0.0")} output tokens/s, measured on {Count(speed.Samples)} requests)"
                    : "no heavy request in the window to measure heavy's speed on"))
            .AppendLine($"GPU time     {Duration(savings.GpuSeconds)} on local hosts" + (savings.HeavyWaitingSeconds is { } all ? $"; {Duration(all)} had all gone to heavy" : ""))
            .AppendLine($"cloud cost   {Usd(savings.CostUsd)}" + (savings.FrontierUsd is { } frontier ? $"; {Usd(frontier)} had all gone to frontier" : "; no frontier tier is priced"));

        TextTable routes = new("tier", "model", "where", "requests", "share", "tokens", "share", "time", "share");
        foreach (RouteShare route in report.Routes)
        {
            routes.Add(route.Tier, Dash(route.Model), route.IsCloud ? "cloud" : "local", Count(route.Requests), Percent(route.RequestShare), Count(route.Tokens), Percent(route.TokenShare), Duration(route.Seconds), Percent(route.TimeShare));
        }

        Section(text, "routes", routes);
        TextTable latency = new("tier", "model", "requests", "first token p50", "p95", "latency p50", "p95");
        foreach (LatencyPercentiles row in report.Latency)
        {
            latency.Add(row.Tier, Dash(row.Model), Count(row.Requests), Milliseconds(row.FirstTokenP50Ms), Milliseconds(row.FirstTokenP95Ms), Milliseconds(row.LatencyP50Ms), Milliseconds(row.LatencyP95Ms));
        }

        Section(text, "latency", latency);
        TextTable acceptance = new("model", "language", "shown", "accepted", "dismissed", "not reported", "rate", "characters");
        foreach (AcceptanceRate row in report.AcceptanceByModel.Concat(report.Acceptance))
        {
            acceptance.Add(row.Model, row.Language.Length == 0 ? "(all)" : row.Language, Count(row.Shown), Count(row.Accepted), Count(row.Dismissed), Count(row.Unreported), Rate(row.Rate), Count(row.AcceptedCharacters));
        }

        Section(text, "completions accepted (rate = accepted / (accepted + dismissed); unknown where the editor never reports)", acceptance);
        TextTable cold = new("model", "cold loads", "total", "longest");
        foreach (ColdLoadCount load in report.ColdLoads)
        {
            cold.Add(load.Model, Count(load.Loads), Duration(load.TotalSeconds), Duration(load.LongestSeconds));
        }

        Section(text, "cold loads", cold);
        TextTable reroutes = new("what", "tier", "model", "requests", "reasons");
        foreach (RerouteCount reroute in report.Reroutes)
        {
            reroutes.Add(reroute.Kind, reroute.Tier, Dash(reroute.Model), Count(reroute.Requests), reroute.Reasons);
        }

        Section(text, "fallbacks and escalations", reroutes);
        SpendStanding spend = report.Spend;
        text.AppendLine()
            .AppendLine("cloud spend")
            .AppendLine($"  today       {Usd(spend.TodayUsd)}" + (spend.DailyBudgetUsd is { } daily ? $" of {Usd(daily)} daily budget" : " (no daily budget)"))
            .AppendLine($"  this month  {Usd(spend.MonthUsd)}" + (spend.MonthlyBudgetUsd is { } monthly ? $" of {Usd(monthly)} monthly budget" : " (no monthly budget)"))
            .AppendLine($"  window      {Usd(spend.WindowUsd)}" + (spend.DailyBudgetUsd is null ? "" : $", {spend.DaysOverDailyBudget} day(s) over the daily budget"));
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, TextTable table) =>
        text.AppendLine().AppendLine(title).Append(table);

    private static string Dash(string model) => model.Length == 0 ? "-" : model;
}

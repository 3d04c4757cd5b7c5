using System.Globalization;
using System.Net;
using System.Text;
using Router.Core.Usage.Reporting;
using static Router.Runtime.Usage.Reporting.UsageFigures;

namespace Router.Runtime.Usage.Reporting;

/// <summary>The usage report as one self-contained HTML page: inline CSS and SVG charts, no script, nothing fetched. What
/// <c>router report --html</c> writes and what the editor's "Router: Show Usage" shows.</summary>
public static class UsageReportHtml
{
    private const int ChartWidth = 880;
    private const int LabelWidth = 230;

    private static readonly Dictionary<string, string> TierColours = new(StringComparer.Ordinal)
    {
        ["code"] = "#2f6fdf",
        ["quick"] = "#2aa876",
        ["reasoning"] = "#9b59b6",
        ["heavy"] = "#e67e22",
        ["frontier"] = "#d64541",
        ["vision"] = "#16a5b8",
    };

    private static CultureInfo Invariant => CultureInfo.InvariantCulture;

    public static string Render(UsageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        StringBuilder html = new();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
            .Append("<title>Router usage</title><style>").Append(Style).Append("</style></head><body>\n");
        Header(html, report);
        if (report.Requests == 0)
        {
            html.Append("<p class=\"empty\">No requests in this window. Use the editor with the router, then look again.</p>");
        }
        else
        {
            Savings(html, report.Savings);
            Section(html, "Where requests went", "Each route's share of requests, tokens (in + out) and time (total latency).");
            RouteShares(html, report.Routes);
            Section(html, "Latency per tier and model", "Median (p50, solid) and p95 (light), on a log scale.");
            Latency(html, report.Latency);
            Section(html, "Completions accepted", "Accepted over accepted plus dismissed. Editors that never report accepts show unknown.");
            Acceptance(html, report.Acceptance);
            Section(html, "Cloud spend against budget", "Per day; the dashed line is the daily budget.");
            Spend(html, report.Spend);
            Section(html, "Cold loads", "Times a model had to be loaded before it could answer.");
            ColdLoads(html, report.ColdLoads);
            Section(html, "Fallbacks and escalations", "Requests answered elsewhere than first decided, with the decision's reasons.");
            Reroutes(html, report.Reroutes);
        }

        html.Append("<footer>Counts, timings and outcomes only: the ledger holds no prompt or completion text.</footer>\n</body></html>\n");
        return html.ToString();
    }

    // Light by default; dark in a browser set to dark and in a VS Code webview with a dark or high-contrast theme (VS Code
    // marks the body with its theme's class, and its own colours win where it sets them).
    private const string Style =
        ":root{--fg:#1d2330;--dim:#5b6475;--head:#3a4252;--bg:#fff;--card:#f8f9fb;--edge:#dde2ea;--rule:#e6e9ef}"
        + "@media (prefers-color-scheme:dark){:root{--fg:#e3e6ec;--dim:#9aa3b2;--head:#c9cfda;--bg:#1e1f24;--card:#26282e;--edge:#3a3d45;--rule:#33363d}}"
        + "body.vscode-light{--fg:#1d2330;--dim:#5b6475;--head:#3a4252;--bg:#fff;--card:#f8f9fb;--edge:#dde2ea;--rule:#e6e9ef}"
        + "body.vscode-dark,body.vscode-high-contrast{--fg:#e3e6ec;--dim:#9aa3b2;--head:#c9cfda;--bg:#1e1f24;--card:#26282e;--edge:#3a3d45;--rule:#33363d}"
        + "body[class*=vscode-]{--fg:var(--vscode-foreground);--bg:var(--vscode-editor-background);--dim:var(--vscode-descriptionForeground)}"
        + "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px auto;max-width:920px;padding:0 16px;color:var(--fg);background:var(--bg)}"
        + "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 2px}p.note{color:var(--dim);margin:0 0 10px}"
        + ".sub{color:var(--dim);margin:0 0 16px}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:8px 0}"
        + ".card{flex:1 1 260px;border:1px solid var(--edge);border-radius:8px;padding:10px 14px;background:var(--card)}"
        + ".card b{display:block;font-size:20px}.card span{color:var(--dim)}"
        + "table{border-collapse:collapse;width:100%;margin:6px 0}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--rule)}"
        + "th{font-weight:600;color:var(--head)}td.n{text-align:right;font-variant-numeric:tabular-nums}"
        + "svg{display:block;max-width:100%;height:auto}svg text{font:12px system-ui,-apple-system,'Segoe UI',sans-serif;fill:var(--fg)}"
        + "svg text.dim{fill:var(--dim)}.legend{display:flex;flex-wrap:wrap;gap:4px 16px;margin:6px 0 0;padding:0;list-style:none}"
        + ".legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}"
        + ".empty{color:var(--dim)}footer{margin:32px 0 8px;color:var(--dim);font-size:12px}";

    private static void Header(StringBuilder html, UsageReport report)
    {
        html.Append("<h1>Router usage</h1><p class=\"sub\">")
            .Append(Encode(string.Create(Invariant, $"{report.Since.ToLocalTime():d MMM yyyy HH:mm} – {report.Until.ToLocalTime():d MMM yyyy HH:mm}")))
            .Append(" · ").Append(Count(report.Requests)).Append(" requests</p>\n");
    }

    private static void Section(StringBuilder html, string title, string note) =>
        html.Append("<h2>").Append(Encode(title)).Append("</h2><p class=\"note\">").Append(Encode(note)).Append("</p>\n");

    private static void Savings(StringBuilder html, SingleModelSavings savings)
    {
        html.Append("<div class=\"cards\">");
        string heavy = savings.HeavyWaitingSeconds is { } seconds && savings.Heavy is { } speed
            ? $"{Duration(seconds)} on {speed.Model} alone"
            : "no heavy request to measure its speed on";
        Card(html, Duration(savings.WaitingSeconds), $"waiting, routed ({Count(savings.Requests)} answers) — {heavy}");
        string gpu = savings.HeavyWaitingSeconds is { } all ? $" (against {Duration(all)} had all run on heavy)" : "";
        Card(html, Duration(savings.GpuSeconds), $"GPU time on local hosts{gpu}");
        string frontier = savings.FrontierUsd is { } usd ? $"against {Usd(usd)} had all gone to frontier" : "no frontier tier is priced";
        Card(html, Usd(savings.CostUsd), $"cloud cost — {frontier}");
        html.Append("</div>\n");
    }

    private static void Card(StringBuilder html, string figure, string words) =>
        html.Append("<div class=\"card\"><b>").Append(Encode(figure)).Append("</b><span>").Append(Encode(words)).Append("</span></div>");

    private static void RouteShares(StringBuilder html, IReadOnlyList<RouteShare> routes)
    {
        (string Label, Func<RouteShare, double> Share)[] bars = [("Requests", r => r.RequestShare), ("Tokens", r => r.TokenShare), ("Time", r => r.TimeShare)];
        const int barHeight = 26;
        const int gap = 12;
        int height = (bars.Length * (barHeight + gap)) + 4;
        int barWidth = ChartWidth - 90;
        Svg(html, height, "Each route's share of requests, tokens and time");
        string[] colours = RouteColours(routes);
        for (int b = 0; b < bars.Length; b++)
        {
            int y = b * (barHeight + gap);
            Text(html, 0, y + 17, bars[b].Label, null);
            double x = 90;
            for (int i = 0; i < routes.Count; i++)
            {
                double width = bars[b].Share(routes[i]) * barWidth;
                if (width <= 0)
                {
                    continue;
                }

                html.Append(Invariant, $"<rect x=\"{x:0.##}\" y=\"{y}\" width=\"{width:0.##}\" height=\"{barHeight}\" fill=\"{colours[i]}\"><title>")
                    .Append(Encode($"{RouteLabel(routes[i])}: {Percent(bars[b].Share(routes[i]))}")).Append("</title></rect>");
                if (width > 38)
                {
                    html.Append(Invariant, $"<text x=\"{x + (width / 2):0.##}\" y=\"{y + 17}\" text-anchor=\"middle\" style=\"fill:#fff\">{Percent(bars[b].Share(routes[i]))}</text>");
                }

                x += width;
            }
        }

        html.Append("</svg><ul class=\"legend\">");
        for (int i = 0; i < routes.Count; i++)
        {
            RouteShare route = routes[i];
            html.Append("<li><i style=\"background:").Append(colours[i]).Append("\"></i>")
                .Append(Encode($"{RouteLabel(route)} — {Count(route.Requests)} requests, {Percent(route.RequestShare)} / {Percent(route.TokenShare)} / {Percent(route.TimeShare)}"))
                .Append("</li>");
        }

        html.Append("</ul>\n");
    }

    private static void Latency(StringBuilder html, IReadOnlyList<LatencyPercentiles> rows)
    {
        if (rows.Count == 0)
        {
            html.Append("<p class=\"empty\">No request measured a latency.</p>");
            return;
        }

        const int rowHeight = 44;
        const int top = 8;
        double maxMs = Math.Max(1000, rows.Max(r => Math.Max(r.LatencyP95Ms ?? 0, r.FirstTokenP95Ms ?? 0)));
        double minMs = 10;
        double decades = Math.Ceiling(Math.Log10(maxMs / minMs));
        // Room on the right for the p50 / p95 words after the longest bar.
        int plotWidth = ChartWidth - LabelWidth - 200;
        double Scale(double ms) => LabelWidth + (Math.Log10(Math.Max(ms, minMs) / minMs) / decades * plotWidth);
        int height = top + (rows.Count * rowHeight) + 26;
        Svg(html, height, "Time to first token and latency, p50 and p95, per tier and model");
        for (int d = 0; d <= decades; d++)
        {
            double ms = minMs * Math.Pow(10, d);
            double x = Scale(ms);
            html.Append(Invariant, $"<line x1=\"{x:0.##}\" y1=\"{top - 4}\" x2=\"{x:0.##}\" y2=\"{height - 22}\" style=\"stroke:var(--rule)\"/>");
            html.Append(Invariant, $"<text class=\"dim\" x=\"{x:0.##}\" y=\"{height - 6}\" text-anchor=\"middle\">{Encode(Duration(ms / 1000))}</text>");
        }

        for (int i = 0; i < rows.Count; i++)
        {
            LatencyPercentiles row = rows[i];
            int y = top + (i * rowHeight);
            string colour = TierColour(row.Tier);
            Text(html, 0, y + 14, $"{row.Tier} · {row.Model}", null);
            Text(html, 0, y + 32, $"{Count(row.Requests)} requests", "dim");
            LatencyBar(html, Scale, y + 3, row.FirstTokenP50Ms, row.FirstTokenP95Ms, colour, "first token");
            LatencyBar(html, Scale, y + 21, row.LatencyP50Ms, row.LatencyP95Ms, colour, "latency");
        }

        html.Append("</svg>\n<table><tr><th>tier · model</th><th class=\"n\">requests</th><th class=\"n\">first token p50</th><th class=\"n\">p95</th>")
            .Append("<th class=\"n\">latency p50</th><th class=\"n\">p95</th></tr>");
        foreach (LatencyPercentiles row in rows)
        {
            html.Append("<tr><td>").Append(Encode($"{row.Tier} · {row.Model}")).Append("</td>");
            Cells(html, Count(row.Requests), Milliseconds(row.FirstTokenP50Ms), Milliseconds(row.FirstTokenP95Ms), Milliseconds(row.LatencyP50Ms), Milliseconds(row.LatencyP95Ms));
            html.Append("</tr>");
        }

        html.Append("</table>\n");
    }

    private static void LatencyBar(StringBuilder html, Func<double, double> scale, int y, double? p50, double? p95, string colour, string what)
    {
        double start = scale(0);
        if (p95 is { } high)
        {
            html.Append(Invariant, $"<rect x=\"{start:0.##}\" y=\"{y}\" width=\"{scale(high) - start:0.##}\" height=\"14\" fill=\"{colour}\" opacity=\"0.3\"><title>{Encode($"{what} p95 {Milliseconds(high)}")}</title></rect>");
        }

        if (p50 is { } median)
        {
            html.Append(Invariant, $"<rect x=\"{start:0.##}\" y=\"{y}\" width=\"{scale(median) - start:0.##}\" height=\"14\" fill=\"{colour}\"><title>{Encode($"{what} p50 {Milliseconds(median)}")}</title></rect>");
        }

        string label = p50 is null ? $"{what}: -" : $"{what} {Milliseconds(p50)} / {Milliseconds(p95)}";
        double end = p95 is { } far ? scale(far) : start;
        html.Append(Invariant, $"<text class=\"dim\" x=\"{end + 6:0.##}\" y=\"{y + 11}\">{Encode(label)}</text>");
    }

    private static void Acceptance(StringBuilder html, IReadOnlyList<AcceptanceRate> rows)
    {
        if (rows.Count == 0)
        {
            html.Append("<p class=\"empty\">No inline completion was shown in this window.</p>");
            return;
        }

        const int rowHeight = 26;
        int plotWidth = ChartWidth - LabelWidth - 300;
        int height = (rows.Count * rowHeight) + 4;
        Svg(html, height, "Acceptance rate per model and language");
        html.Append("<defs><pattern id=\"unknown\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
            .Append("<rect width=\"8\" height=\"8\" fill=\"#eef0f4\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#c5cad3\" stroke-width=\"3\"/></pattern></defs>");
        for (int i = 0; i < rows.Count; i++)
        {
            AcceptanceRate row = rows[i];
            int y = i * rowHeight;
            Text(html, 0, y + 15, $"{row.Model} · {(row.Language.Length == 0 ? "(no language)" : row.Language)}", null);
            html.Append(Invariant, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{plotWidth}\" height=\"16\" fill=\"{(row.Rate is null ? "url(#unknown)" : "#eef0f4")}\"/>");
            string words;
            if (row.Rate is { } rate)
            {
                html.Append(Invariant, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{rate * plotWidth:0.##}\" height=\"16\" fill=\"#2f6fdf\"/>");
                words = $"{Rate(rate)} of {Count(row.Accepted + row.Dismissed)} ({Count(row.AcceptedCharacters)} chars)";
            }
            else
            {
                words = $"unknown: {Count(row.Unreported)} shown, not reported";
            }

            html.Append(Invariant, $"<text x=\"{LabelWidth + plotWidth + 8}\" y=\"{y + 15}\">{Encode(words)}</text>");
        }

        html.Append("</svg>\n");
    }

    private static void Spend(StringBuilder html, SpendStanding spend)
    {
        const int plotHeight = 160;
        const int top = 16;
        const int left = 60;
        int plotWidth = ChartWidth - left - 10;
        decimal highest = Math.Max(spend.Days.Count == 0 ? 0 : spend.Days.Max(d => d.Usd), spend.DailyBudgetUsd ?? 0);
        decimal step = TickStep(highest <= 0 ? 1 : highest * 1.1m);
        decimal max = step * 4;
        double Y(decimal usd) => top + plotHeight - (double)(usd / max * plotHeight);
        int height = top + plotHeight + 26;
        Svg(html, height, "Cloud spend per day against the daily budget");
        for (int t = 0; t <= 4; t++)
        {
            decimal usd = step * t;
            double y = Y(usd);
            html.Append(Invariant, $"<line x1=\"{left}\" y1=\"{y:0.##}\" x2=\"{left + plotWidth}\" y2=\"{y:0.##}\" style=\"stroke:var(--rule)\"/>");
            html.Append(Invariant, $"<text class=\"dim\" x=\"{left - 6}\" y=\"{y + 4:0.##}\" text-anchor=\"end\">{Encode(Usd(usd))}</text>");
        }

        int n = Math.Max(spend.Days.Count, 1);
        double slot = (double)plotWidth / n;
        int labelEvery = Math.Max(1, (int)Math.Ceiling(n / 12.0));
        for (int i = 0; i < spend.Days.Count; i++)
        {
            SpendDay day = spend.Days[i];
            double x = left + (i * slot) + (slot * 0.15);
            double y = Y(day.Usd);
            bool over = spend.DailyBudgetUsd is { } budget && day.Usd > budget;
            html.Append(Invariant, $"<rect x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{slot * 0.7:0.##}\" height=\"{top + plotHeight - y:0.##}\" fill=\"{(over ? "#d64541" : "#2f6fdf")}\"><title>")
                .Append(Encode($"{day.Date:yyyy-MM-dd}: {Usd(day.Usd)}, {Count(day.CloudRequests)} cloud requests")).Append("</title></rect>");
            if (i % labelEvery == 0 || i == spend.Days.Count - 1)
            {
                html.Append(Invariant, $"<text class=\"dim\" x=\"{x + (slot * 0.35):0.##}\" y=\"{height - 6}\" text-anchor=\"middle\">{day.Date.ToString("d MMM", Invariant)}</text>");
            }
        }

        if (spend.DailyBudgetUsd is { } daily)
        {
            double y = Y(daily);
            html.Append(Invariant, $"<line x1=\"{left}\" y1=\"{y:0.##}\" x2=\"{left + plotWidth}\" y2=\"{y:0.##}\" stroke=\"#d64541\" stroke-dasharray=\"6 4\" stroke-width=\"1.5\"/>");
            // A white halo keeps the words readable where they cross a bar.
            html.Append(Invariant, $"<text x=\"{left + 6}\" y=\"{y - 5:0.##}\" style=\"fill:#d64541;paint-order:stroke;stroke:var(--bg);stroke-width:4px\">{Encode($"daily budget {Usd(daily)}")}</text>");
        }

        html.Append("</svg>\n<div class=\"cards\">");
        Card(html, Usd(spend.TodayUsd), spend.DailyBudgetUsd is { } today ? $"today, of {Usd(today)} daily budget" : "today (no daily budget set)");
        Card(html, Usd(spend.MonthUsd), spend.MonthlyBudgetUsd is { } month ? $"this month, of {Usd(month)} monthly budget" : "this month (no monthly budget set)");
        Card(html, Usd(spend.WindowUsd), spend.DailyBudgetUsd is null ? "in this window" : $"in this window; {spend.DaysOverDailyBudget} day(s) over the daily budget");
        html.Append("</div>\n");
    }

    /// <summary>A round step (1, 2, 2.5 or 5 times a power of ten) of which four reach <paramref name="top"/>.</summary>
    private static decimal TickStep(decimal top)
    {
        decimal rough = top / 4;
        decimal power = 0.0001m;
        while (power * 10 <= rough)
        {
            power *= 10;
        }

        foreach (decimal factor in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (power * factor >= rough)
            {
                return power * factor;
            }
        }

        return power * 10;
    }

    private static void ColdLoads(StringBuilder html, IReadOnlyList<ColdLoadCount> loads)
    {
        if (loads.Count == 0)
        {
            html.Append("<p class=\"empty\">No cold loads.</p>");
            return;
        }

        html.Append("<table><tr><th>model</th><th class=\"n\">loads</th><th class=\"n\">total</th><th class=\"n\">longest</th></tr>");
        foreach (ColdLoadCount load in loads)
        {
            html.Append("<tr><td>").Append(Encode(load.Model)).Append("</td>");
            Cells(html, Count(load.Loads), Duration(load.TotalSeconds), Duration(load.LongestSeconds));
            html.Append("</tr>");
        }

        html.Append("</table>\n");
    }

    private static void Reroutes(StringBuilder html, IReadOnlyList<RerouteCount> reroutes)
    {
        if (reroutes.Count == 0)
        {
            html.Append("<p class=\"empty\">Every request was answered where it was first sent.</p>");
            return;
        }

        html.Append("<table><tr><th>what</th><th>answered by</th><th>reasons</th><th class=\"n\">requests</th></tr>");
        foreach (RerouteCount reroute in reroutes.Take(20))
        {
            html.Append("<tr><td>").Append(Encode(reroute.Kind)).Append("</td><td>").Append(Encode($"{reroute.Tier} · {reroute.Model}"))
                .Append("</td><td>").Append(Encode(reroute.Reasons)).Append("</td>");
            Cells(html, Count(reroute.Requests));
            html.Append("</tr>");
        }

        html.Append("</table>\n");
        if (reroutes.Count > 20)
        {
            html.Append("<p class=\"note\">").Append(reroutes.Count - 20).Append(" smaller groups not shown (see router report --json).</p>");
        }
    }

    private static void Cells(StringBuilder html, params string[] cells)
    {
        foreach (string cell in cells)
        {
            html.Append("<td class=\"n\">").Append(Encode(cell)).Append("</td>");
        }
    }

    private static void Svg(StringBuilder html, int height, string title) =>
        html.Append(Invariant, $"<svg viewBox=\"0 0 {ChartWidth} {height}\" width=\"{ChartWidth}\" height=\"{height}\" role=\"img\" aria-label=\"{Encode(title)}\">");

    private static void Text(StringBuilder html, double x, double y, string text, string? cssClass) =>
        html.Append(Invariant, $"<text{(cssClass is null ? "" : $" class=\"{cssClass}\"")} x=\"{x:0.##}\" y=\"{y:0.##}\">{Encode(text)}</text>");

    private static string RouteLabel(RouteShare route) =>
        $"{route.Tier} · {(route.Model.Length == 0 ? "(not routed)" : route.Model)}{(route.IsCloud ? " (cloud)" : "")}";

    private static string TierColour(string tier) => TierColours.GetValueOrDefault(tier, "#7f8c8d");

    /// <summary>The tier's colour, lighter for each further model on the same tier, so routes stay apart in a stacked bar.</summary>
    private static string[] RouteColours(IReadOnlyList<RouteShare> routes)
    {
        Dictionary<string, int> seen = new(StringComparer.Ordinal);
        string[] colours = new string[routes.Count];
        for (int i = 0; i < routes.Count; i++)
        {
            int nth = seen.GetValueOrDefault(routes[i].Tier);
            seen[routes[i].Tier] = nth + 1;
            colours[i] = Lighter(TierColour(routes[i].Tier), Math.Min(nth * 0.3, 0.75));
        }

        return colours;
    }

    private static string Lighter(string hex, double amount)
    {
        int rgb = int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, Invariant);
        int Mix(int channel) => (int)Math.Round(channel + ((255 - channel) * amount));
        return string.Create(Invariant, $"#{Mix((rgb >> 16) & 0xff):x2}{Mix((rgb >> 8) & 0xff):x2}{Mix(rgb & 0xff):x2}");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

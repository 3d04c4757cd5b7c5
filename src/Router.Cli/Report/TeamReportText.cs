using System.Globalization;
using System.Text;
using Router.Cli.Terminal;
using Router.Core.Usage.Reporting;

namespace Router.Cli.Report;

/// <summary>`router report --team` for a terminal: one table per user, gateway key, route and model.</summary>
internal static class TeamReportText
{
    public static string Format(TeamReport report)
    {
        StringBuilder text = new();
        text.AppendLine(CultureInfo.InvariantCulture, $"team usage since {report.Since.ToLocalTime():yyyy-MM-dd HH:mm}: {report.Requests} requests, ${report.CostUsd:0.00} cloud spend");
        if (report.Requests == 0)
        {
            return text.AppendLine("no requests in this window").ToString();
        }

        Append(text, report.NamesShown ? "user" : "user (hashed)", report.Users);
        Append(text, "key", report.Keys);
        Append(text, "route", report.Routes);
        Append(text, "model", report.Models);
        return text.ToString();
    }

    private static void Append(StringBuilder text, string what, IReadOnlyList<TeamReportRow> rows)
    {
        TextTable table = new(what, "requests", "cloud", "input tokens", "output tokens", "cost");
        foreach (TeamReportRow row in rows)
        {
            table.Add(
                row.Name,
                row.Requests.ToString("N0", CultureInfo.InvariantCulture),
                row.CloudRequests.ToString("N0", CultureInfo.InvariantCulture),
                row.InputTokens.ToString("N0", CultureInfo.InvariantCulture),
                row.OutputTokens.ToString("N0", CultureInfo.InvariantCulture),
                row.CostUsd.ToString("$0.0000", CultureInfo.InvariantCulture));
        }

        text.AppendLine().Append(table);
    }
}

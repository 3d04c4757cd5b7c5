using System.Globalization;
using System.Text;
using Router.Cli.Terminal;

namespace Router.Cli.Evaluation;

/// <summary>The readable form of an <see cref="EvalReport"/>; its last line is "eval: N passed, M failed", which CI reads.</summary>
internal static class EvalText
{
    public static string Format(EvalReport report, string casesShown, bool showMisses)
    {
        ArgumentNullException.ThrowIfNull(report);
        StringBuilder text = new();
        text.Append(CultureInfo.InvariantCulture, $"router eval: {casesShown}, config {report.Config}\n\n");
        text.Append(Table("category", report.Categories)).Append('\n');
        text.Append(Table("language", report.Languages));

        if (showMisses && report.Misses.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nmisses ({report.Misses.Count}):\n");
            foreach (EvalMiss miss in report.Misses)
            {
                AppendMiss(text, miss);
            }
        }

        EvalTotals totals = report.Overall;
        text.Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"tier accuracy    {EvalPercent.Format(totals.TierAccuracy)} ({totals.TierRight}/{totals.Cases})\n");
        text.Append(CultureInfo.InvariantCulture, $"privacy recall   {EvalPercent.Format(totals.PrivacyRecall)} ({totals.KeptLocal}/{totals.PrivateCases} private cases kept local: localOnly, not frontier)\n");
        text.Append(CultureInfo.InvariantCulture, $"leaks            {totals.Leaks}\n");
        text.Append(CultureInfo.InvariantCulture, $"false-private    {EvalPercent.Format(totals.FalsePrivate)} ({totals.FalsePrivateCases}/{totals.PublicCases} public cases decided localOnly)\n");
        if (totals.RouteErrors > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"not routed       {totals.RouteErrors}\n");
        }

        if (totals.BadLines > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"bad case lines   {totals.BadLines}\n");
        }

        double seconds = report.ElapsedMilliseconds / 1000.0;
        text.Append(CultureInfo.InvariantCulture, $"{report.Cases} cases in {seconds:0.00} s");
        if (report.Cases > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({(double)report.ElapsedMilliseconds / report.Cases:0.00} ms a case)");
        }

        text.Append('\n');
        return text.ToString();
    }

    /// <summary>The closing line, alone and undecorated so CI can read it.</summary>
    public static string ClosingLine(EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(CultureInfo.InvariantCulture, $"eval: {report.Passed} passed, {report.Failed} failed");
    }

    private static string Table(string groupName, IReadOnlyList<GroupScore> groups)
    {
        TextTable table = new(groupName, "tier right", "%", "passed", "%");
        foreach (GroupScore group in groups)
        {
            table.Add(
                group.Name,
                string.Create(CultureInfo.InvariantCulture, $"{group.TierRight}/{group.Cases}"),
                EvalPercent.Format(group.TierAccuracy),
                string.Create(CultureInfo.InvariantCulture, $"{group.Passed}/{group.Cases}"),
                EvalPercent.Format(EvalPercent.Of(group.Passed, group.Cases, 0)));
        }

        return table.ToString();
    }

    // Ids, labels and reasons only: never the case's text, which for a private case holds its secrets.
    private static void AppendMiss(StringBuilder text, EvalMiss miss)
    {
        string expected = $"{string.Join(" or ", miss.ExpectedTiers)}{(miss.ExpectedLocalOnly ? " localOnly" : "")}";
        string decided = miss.Tier is null ? "nothing" : $"{miss.Tier}{(miss.LocalOnly == true ? " localOnly" : "")}";
        text.Append(CultureInfo.InvariantCulture,
            $"  {miss.Id}  {miss.Category}  {miss.Lang}  expected {expected}, decided {decided}  [{string.Join(", ", miss.Problems)}]  {Path.GetFileName(miss.File)}:{miss.Line}\n");
        if (miss.Error is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"      error: {miss.Error}\n");
        }

        if (miss.Reasons.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"      reasons: {string.Join("; ", miss.Reasons)}\n");
        }
    }
}

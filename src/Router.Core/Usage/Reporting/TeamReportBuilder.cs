using System.Security.Cryptography;
using System.Text;
using Router.Core.Requests;

namespace Router.Core.Usage.Reporting;

/// <summary>Builds a <see cref="TeamReport"/> from ledger records; pure.</summary>
public static class TeamReportBuilder
{
    /// <summary>How a request without a user or a key is listed (the editor and the CLI book none).</summary>
    public const string Nobody = "(none)";

    public static TeamReport Build(IEnumerable<UsageRecord> records, DateTimeOffset since, bool shareNames)
    {
        ArgumentNullException.ThrowIfNull(records);
        List<UsageRecord> rows = [.. records.Where(r => r.At >= since)];
        return new TeamReport(
            since,
            rows.Count,
            rows.Sum(r => r.CostUsd),
            shareNames,
            Group(rows, r => r.User is { Length: > 0 } user ? (shareNames ? user : HashedUser(user)) : Nobody),
            Group(rows, r => r.Key is { Length: > 0 } key ? key : Nobody),
            Group(rows, r => $"{r.Kind.Name()} → {r.Tier.Name()}"),
            Group(rows, r => r.Model));
    }

    /// <summary>A stable pseudonym for a user: the same person gets the same id in every report, and the id does not say who.</summary>
    public static string HashedUser(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes("router-user:" + user));
        return "user-" + Convert.ToHexStringLower(hash, 0, 5);
    }

    private static List<TeamReportRow> Group(List<UsageRecord> rows, Func<UsageRecord, string> name) =>
        [.. rows.GroupBy(name, StringComparer.Ordinal)
            .Select(g => new TeamReportRow(
                g.Key, g.Count(), g.Count(r => r.IsCloud), g.Sum(r => (long)r.InputTokens), g.Sum(r => (long)r.OutputTokens), g.Sum(r => r.CostUsd)))
            .OrderByDescending(r => r.CostUsd).ThenByDescending(r => r.Requests).ThenBy(r => r.Name, StringComparer.Ordinal)];
}

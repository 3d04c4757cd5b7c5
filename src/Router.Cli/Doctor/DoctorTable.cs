using System.Globalization;
using System.Text;
using Router.Cli.Terminal;

namespace Router.Cli.Doctor;

/// <summary>The plain-text form of a <see cref="DoctorReport"/>: endpoints, tiers, problems with their fixes, and a summary line last.</summary>
internal static class DoctorTable
{
    public static string Format(DoctorReport report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        StringBuilder text = new();
        text.AppendLine($"router doctor: {report.Config}");
        text.AppendLine();

        text.AppendLine("Endpoints");
        TextTable endpoints = new("endpoint", "provider", "address", "status", "version", "models", "loaded now", "key", "fim");
        foreach (var endpoint in report.Endpoints)
        {
            endpoints.Add(
                endpoint.Name,
                endpoint.Provider + (endpoint.Cloud ? " (cloud)" : ""),
                endpoint.Address,
                endpoint.Status,
                endpoint.Version ?? "-",
                endpoint.Models is null ? "-" : endpoint.Models.Count.ToString(CultureInfo.InvariantCulture),
                Loaded(endpoint.Loaded, now),
                endpoint.KeyVariable is null ? "-" : $"${endpoint.KeyVariable} " + (endpoint.KeySet == true ? "set" : "NOT SET"),
                endpoint.FillInTheMiddle is null ? "-" : $"{endpoint.FillInTheMiddle} ({endpoint.FillInTheMiddleFoundBy})");
        }

        text.Append(endpoints);
        text.AppendLine();

        text.AppendLine("Tiers");
        TextTable tiers = new("tier", "model", "endpoint", "model there", "loaded", "insert", "fim", "vision", "context", "usable");
        foreach (var tier in report.Tiers)
        {
            if (tier.Hosts.Count == 0)
            {
                tiers.Add(tier.Tier, tier.Model, "-", "-", "-", "-", "-", "-", "-", "no");
                continue;
            }

            foreach (var host in tier.Hosts)
            {
                tiers.Add(
                    tier.Tier,
                    tier.Model,
                    host.Endpoint,
                    host.Model,
                    DoctorText.YesNo(host.Loaded),
                    DoctorText.YesNo(host.SupportsInsert),
                    host.FillInTheMiddle ?? "-",
                    DoctorText.YesNo(host.SupportsVision),
                    host.ContextTokens?.ToString(CultureInfo.InvariantCulture) ?? "-",
                    host.Usable ? "yes" : "no");
            }
        }

        text.Append(tiers);
        text.AppendLine();

        if (report.Problems.Count > 0)
        {
            text.AppendLine("Problems");
            foreach (var problem in report.Problems)
            {
                text.AppendLine($"{problem.Severity,-8} {problem.Message}");
                if (problem.Fix is not null)
                {
                    var where = problem.Fix.StartsWith("ollama ", StringComparison.Ordinal) && problem.Endpoint is not null ? $" (on {problem.Endpoint})" : "";
                    text.AppendLine($"         fix{where}: {problem.Fix}");
                }
            }

            text.AppendLine();
        }

        if (report.Unused.Count > 0)
        {
            text.AppendLine("Configured but never used");
            foreach (var unused in report.Unused)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{unused.File}:{unused.Line}: warning: {unused.Key}: {unused.Message}");
            }

            text.AppendLine();
        }

        text.AppendLine(report.Summary);
        return text.ToString();
    }

    private static string Loaded(IReadOnlyList<LoadedModelFinding>? loaded, DateTimeOffset now)
    {
        if (loaded is null)
        {
            return "-";
        }

        if (loaded.Count == 0)
        {
            return "none";
        }

        return string.Join(", ", loaded.Select(m =>
        {
            var details = new List<string>();
            if (m.SizeVramBytes is { } vram)
            {
                details.Add(DoctorText.Gigabytes(vram) + " VRAM");
            }

            if (DoctorText.TimeLeft(m.ExpiresAt, now) is { Length: > 0 } left)
            {
                details.Add(left);
            }

            return details.Count == 0 ? m.Name : $"{m.Name} ({string.Join(", ", details)})";
        }));
    }
}

using System.Globalization;
using System.Text;
using Router.Cli.Terminal;
using Router.Cli.Doctor;
using Router.Core.Requests;
using Router.Runtime.Inventory;

namespace Router.Cli.Init;

/// <summary>What `router init` prints: each host's models, the tier choices, and the pulls that would fill the gaps.</summary>
internal static class InitReport
{
    public static string Hosts(IReadOnlyList<HostSurvey> hosts)
    {
        var text = new StringBuilder();
        foreach (var host in hosts)
        {
            if (!host.Reachable)
            {
                text.AppendLine(Invariant($"{host.Name}  {host.Url}  unreachable: {host.Error}"));
                text.AppendLine();
                continue;
            }

            text.AppendLine(Invariant($"{host.Name}  {host.Url}  Ollama {host.Version ?? "(version unknown)"}, {DoctorText.Count(host.Models.Count, "model")}"));
            if (host.Models.Count > 0)
            {
                var table = new TextTable("  model", "size", "parameters", "capabilities", "context", "loaded");
                foreach (var model in host.Models)
                {
                    table.Add(
                        "  " + model.Name,
                        model.SizeBytes > 0 ? DoctorText.Gigabytes(model.SizeBytes) : "-",
                        model.ParameterSize ?? "-",
                        model.Capabilities is { } capabilities ? string.Join(", ", capabilities) : "(unknown)",
                        model.ContextTokens?.ToString(CultureInfo.InvariantCulture) ?? "-",
                        host.Loaded.Any(l => OllamaModelName.SameModel(l, model.Name)) ? "yes" : "no");
                }

                text.Append(table);
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    public static string Choices(InitPlan plan)
    {
        var text = new StringBuilder("tiers:\n");
        var table = new TextTable("  tier", "model", "on", "why");
        foreach (var choice in plan.Choices)
        {
            table.Add("  " + choice.Tier.Name(), choice.Model.Name + (choice.Present ? "" : " (not pulled)"), string.Join(", ", choice.Hosts), choice.Why);
        }

        text.Append(table);
        if (plan.Pulls.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("to fill the tiers that have no suitable model:");
            foreach (var pull in plan.Pulls)
            {
                var size = pull.DownloadBytes is { } bytes ? $", {DoctorText.Gigabytes(bytes)} download" : "";
                text.AppendLine(Invariant($"  {pull.Command}   ({string.Join(", ", pull.Tiers.Select(t => t.Name()))}{size})"));
            }
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;
using Router.Core.Policy;
using Router.Core.Requests;

namespace Router.Cli.Routing;

/// <summary>The short readable table `router route "prompt"` prints for one decision.</summary>
internal static class DecisionTable
{
    public static string Format(RouteDecision decision, string configSource)
    {
        ArgumentNullException.ThrowIfNull(decision);
        StringBuilder table = new();
        Row("tier", decision.Tier.Name());
        Row("model", decision.Model);
        Row("endpoint", decision.Endpoint);
        Row("localOnly", decision.LocalOnly ? "yes (private: never sent to a cloud endpoint)" : "no");
        Row("tokens", decision.EstimatedPromptTokens.ToString(CultureInfo.InvariantCulture) + " (estimated prompt)");
        for (int i = 0; i < decision.Reasons.Count; i++)
        {
            Row(i == 0 ? "reasons" : "", decision.Reasons[i]);
        }

        Row("fallbacks", decision.FallbackChain.Count == 0
            ? "(none)"
            : string.Join(" -> ", decision.FallbackChain.Select(s => $"{s.Tier.Name()} {s.Model}@{s.Endpoint}")));
        Row("escalation", decision.EscalationPath.Count == 0 ? "(none)" : string.Join(" -> ", decision.EscalationPath.Select(t => t.Name())));
        Row("config", configSource);
        return table.ToString();

        void Row(string name, string value) => table.Append(CultureInfo.InvariantCulture, $"{name,-11} {value}").Append('\n');
    }
}

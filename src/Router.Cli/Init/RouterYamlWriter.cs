using System.Globalization;
using System.Text;
using Router.Core.Configuration;
using Router.Core.Requests;

namespace Router.Cli.Init;

/// <summary>Writes an <see cref="InitPlan"/> as router.yaml, in the format of eval/router.yaml, with a comment on every choice.</summary>
internal static class RouterYamlWriter
{
    public static string Write(InitPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var yaml = new StringBuilder();
        yaml.AppendLine("# Written by `router init` from what these Ollama hosts have; check it with `router doctor --config <this file>`.");
        foreach (var host in plan.Hosts)
        {
            yaml.AppendLine(host.Reachable
                ? Invariant($"#   {host.Name}: {host.Url} (Ollama {host.Version ?? "version unknown"}), {host.Models.Count} models")
                : $"#   {host.Url} did not answer ({host.Error}), so it is not listed below");
        }

        yaml.AppendLine("endpoints:");
        foreach (var host in plan.Hosts.Where(h => h.Reachable))
        {
            yaml.AppendLine(Invariant($"  {host.Name}:"));
            yaml.AppendLine("    provider: ollama");
            yaml.AppendLine(Invariant($"    url: {Quoted(host.Url.ToString())}"));
        }

        yaml.AppendLine();
        yaml.AppendLine("tiers:");
        foreach (var choice in plan.Choices)
        {
            yaml.AppendLine(Invariant($"  # {choice.Tier.Name()}: {choice.Why}"));
            if (choice.Model.ContextTokens is { } trained && trained > choice.ContextTokens)
            {
                yaml.AppendLine(Invariant($"  # (trained for {trained} context tokens; {choice.ContextTokens} keeps prompts fast and memory low)"));
            }

            yaml.AppendLine(Invariant($"  {choice.Tier.Name()}:"));
            yaml.AppendLine(Invariant($"    model: {Quoted(choice.Model.Name)}"));
            yaml.AppendLine(Invariant($"    endpoints: [{string.Join(", ", choice.Hosts)}]"));
            // A value the loader would take anyway is left out: `router doctor` flags a line that changes nothing.
            yaml.AppendLine(choice.ContextTokens == RouterConfigLoader.DefaultContextTokens(choice.Tier)
                ? Invariant($"    # contextTokens: {choice.ContextTokens} (the default for {choice.Tier.Name()})")
                : Invariant($"    contextTokens: {choice.ContextTokens}"));
        }

        yaml.AppendLine("  # frontier: not written; it is a cloud model (an openai or anthropic endpoint with apiKeyEnv), which no Ollama probe finds.");
        yaml.AppendLine();
        yaml.AppendLine("routes:");
        yaml.AppendLine("  # completion: code, explain: quick, refactor: heavy and chat: quick are the defaults.");
        yaml.AppendLine("  refactorWide: heavy   # frontier once a cloud tier is added");
        yaml.AppendLine();
        yaml.AppendLine("fallbacks:");
        foreach (var fallback in plan.Fallbacks)
        {
            yaml.AppendLine(Invariant($"  # {fallback.Tier.Name()}: {fallback.Why}"));
            yaml.AppendLine(Invariant($"  {fallback.Tier.Name()}: [{string.Join(", ", fallback.Chain.Select(t => t.Name()))}]"));
        }

        yaml.AppendLine();
        yaml.AppendLine("# A weak answer is retried once on the next tier here; tiers that would ask the same model again are left out.");
        yaml.AppendLine(Invariant($"escalation: [{string.Join(", ", plan.Escalation.Select(t => t.Name()))}]"));
        yaml.AppendLine();
        yaml.AppendLine("# privacy.mode is auto (the default): private code stays on these hosts, the rest may use a cloud tier.");
        yaml.AppendLine("# `privacy: { mode: local-only }` keeps every request here.");
        return yaml.ToString();
    }

    /// <summary>A double-quoted YAML scalar: model names and URLs may hold characters YAML reads as syntax.</summary>
    private static string Quoted(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

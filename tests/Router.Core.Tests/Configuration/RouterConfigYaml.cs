using System.Globalization;
using System.Text;
using Router.Core.Configuration;
using Router.Core.Requests;

namespace Router.Core.Tests.Configuration;

/// <summary>Writes a <see cref="RouterConfig"/> as router.yaml, so the built-in default can seed tests that start from a file.</summary>
internal static class RouterConfigYaml
{
    public static string Write(RouterConfig config)
    {
        StringBuilder yaml = new();
        yaml.AppendLine("endpoints:");
        foreach (EndpointConfig endpoint in config.Endpoints.Values)
        {
            yaml.AppendLine(Invariant($"  {endpoint.Name}:"));
            yaml.AppendLine(Invariant($"    provider: {endpoint.Provider.ToString().ToLowerInvariant()}"));
            if (endpoint.Url is { } url)
            {
                yaml.AppendLine(Invariant($"    url: {url.AbsoluteUri.TrimEnd('/')}"));
            }

            if (endpoint.ApiKeyEnv is { } key)
            {
                yaml.AppendLine(Invariant($"    apiKeyEnv: {key}"));
            }

            yaml.AppendLine(Invariant($"    cloud: {(endpoint.Cloud ? "true" : "false")}"));
        }

        yaml.AppendLine("tiers:");
        foreach (TierConfig tier in config.Tiers.Values)
        {
            yaml.AppendLine(Invariant($"  {tier.Tier.Name()}:"));
            yaml.AppendLine(Invariant($"    model: \"{tier.Model}\""));
            yaml.AppendLine(Invariant($"    endpoints: [{string.Join(", ", tier.Endpoints)}]"));
            yaml.AppendLine(Invariant($"    contextTokens: {tier.ContextTokens}"));
            yaml.AppendLine(Invariant($"    usdPerMillionInput: {tier.UsdPerMillionInput}"));
            yaml.AppendLine(Invariant($"    usdPerMillionOutput: {tier.UsdPerMillionOutput}"));
        }

        RouteTable routes = config.Routes;
        yaml.AppendLine("routes:");
        yaml.AppendLine(Invariant($"  completion: {routes.Completion.Name()}"));
        yaml.AppendLine(Invariant($"  explain: {routes.Explain.Name()}"));
        yaml.AppendLine(Invariant($"  refactor: {routes.Refactor.Name()}"));
        yaml.AppendLine(Invariant($"  refactorWide: {routes.RefactorWide.Name()}"));
        yaml.AppendLine(Invariant($"  chat: {routes.Chat.Name()}"));
        yaml.AppendLine("fallbacks:");
        foreach ((Tier from, IReadOnlyList<Tier> chain) in config.Fallbacks)
        {
            yaml.AppendLine(Invariant($"  {from.Name()}: [{string.Join(", ", chain.Select(t => t.Name()))}]"));
        }

        yaml.AppendLine(Invariant($"escalation: [{string.Join(", ", config.Escalation.Select(t => t.Name()))}]"));
        yaml.AppendLine("continuity:");
        yaml.AppendLine(Invariant($"  window: {config.Continuity.Window}"));
        yaml.AppendLine(Invariant($"  minCodeTurns: {config.Continuity.MinCodeTurns}"));
        yaml.AppendLine(Invariant($"  maxAgeMinutes: {config.Continuity.MaxAgeMinutes}"));
        yaml.AppendLine("privacy:");
        yaml.AppendLine(config.Privacy.Mode == PrivacyMode.LocalOnly ? "  mode: local-only" : "  mode: auto");
        yaml.AppendLine("  privatePaths:");
        foreach (string glob in config.Privacy.PrivatePaths)
        {
            yaml.AppendLine(Invariant($"    - \"{glob}\""));
        }

        yaml.AppendLine("budget:");
        yaml.AppendLine(Invariant($"  dailyUsd: {config.Budget.DailyUsd}"));
        yaml.AppendLine(Invariant($"  outputReserveTokens: {config.Budget.OutputReserveTokens}"));
        return yaml.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

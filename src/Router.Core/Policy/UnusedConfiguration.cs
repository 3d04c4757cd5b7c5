using Router.Core.Configuration;
using Router.Core.Requests;

namespace Router.Core.Policy;

/// <summary>What a configuration file sets but the router never uses: a tier no request reaches, an endpoint no tier
/// lists, the fallback chain of a tier no request reaches, and an override that changes nothing. Each is a warning at the
/// line and key the file wrote; what the file left out is never reported.</summary>
public static class UnusedConfiguration
{
    // Sections merged key by key over the defaults: a key left out there takes the default's value.
    private static readonly string[] DefaultedSections = ["routes.", "continuity.", "privacy.", "budget.", "deadlines."];

    public static IReadOnlyList<ConfigDiagnostic> Find(RouterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        List<ConfigDiagnostic> found = [];
        void Warn(string key, string message)
        {
            if (config.KeyLines.TryGetValue(key, out long line))
            {
                found.Add(new ConfigDiagnostic(ConfigSeverity.Warning, config.Source, line, key, message));
            }
        }

        IReadOnlySet<Tier> reached = ReachableTiers.Of(config);
        foreach (TierConfig tier in config.Tiers.Values.Where(t => t.Endpoints.Count > 0 && !reached.Contains(t.Tier)))
        {
            // A tier without endpoints is already reported by the loader as not configured.
            Warn($"tiers.{tier.Tier.Name()}",
                $"no route, fallback chain or escalation reaches tier '{tier.Tier.Name()}', so {tier.Model} is never asked (unless an editor's router.models setting names it)");
        }

        foreach (Tier tier in config.Fallbacks.Keys.Where(t => !reached.Contains(t)))
        {
            Warn($"fallbacks.{tier.Name()}", $"no request reaches tier '{tier.Name()}', so its fallback chain is never used");
        }

        foreach (string endpoint in config.Endpoints.Keys.Where(e => !config.Tiers.Values.Any(t => t.Endpoints.Contains(e, StringComparer.Ordinal))))
        {
            Warn($"endpoints.{endpoint}", $"no tier lists endpoint '{endpoint}', so it is never used");
        }

        foreach (ConfigValue value in ConfigValues.List(config, config.Source))
        {
            if (config.KeyLines.ContainsKey(value.Key) && ValueWithoutTheLine(config, value.Key) == value.Value)
            {
                Warn(value.Key, $"'{value.Value}' is what {value.Key} is without this line (the default), so the line changes nothing");
            }
        }

        return [.. found.OrderBy(d => d.Line)];
    }

    /// <summary>The value a key takes when the file leaves it out; null when leaving it out is not a value but an absence
    /// (a tier, an endpoint, a fallback chain or a model that is then not there at all), so the key is no override.</summary>
    private static string? ValueWithoutTheLine(RouterConfig config, string key)
    {
        if (key == "escalation" || DefaultedSections.Any(section => key.StartsWith(section, StringComparison.Ordinal)))
        {
            return ConfigValues.List(RouterConfig.Default, "").FirstOrDefault(v => v.Key == key)?.Value;
        }

        string[] parts = key.Split('.');
        if (parts is ["tiers", var tierName, var field] && TierNames.TryParse(tierName, out Tier? tier))
        {
            return field switch
            {
                "contextTokens" => ConfigValues.Number(RouterConfigLoader.DefaultContextTokens(tier.Value)),
                "usdPerMillionInput" or "usdPerMillionOutput" => ConfigValues.Number(0),
                _ => null,
            };
        }

        if (parts is ["endpoints", var name, var endpointField] && config.Endpoints.TryGetValue(name, out EndpointConfig? endpoint))
        {
            return endpointField switch
            {
                "cloud" => RouterConfigLoader.IsCloudByDefault(endpoint.Provider, endpoint.Url) ? "true" : "false",
                "fim" => "auto",
                _ => null,
            };
        }

        return null;
    }
}

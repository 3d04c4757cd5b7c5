namespace Router.Cli.ConfigShow;

/// <summary>One value of the configuration in force and where it came from: "router.yaml:12" or "default".</summary>
/// <param name="Key">Its path in router.yaml, e.g. "tiers.code.model".</param>
internal sealed record ConfigValue(string Key, string Value, string Origin);

namespace Router.Core.Configuration;

/// <summary>One value of the configuration in force and where it came from: "router.yaml:12", "default" or "editor setting router.models.chat".</summary>
/// <param name="Key">Its path in router.yaml, e.g. "tiers.code.model"; "models.chat" and "completion.enabled" exist only as editor settings.</param>
public sealed record ConfigValue(string Key, string Value, string Origin);

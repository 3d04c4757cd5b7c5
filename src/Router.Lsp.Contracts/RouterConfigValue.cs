namespace Router.Lsp.Contracts;

/// <summary>One value of <see cref="RouterConfigShowResult"/>.</summary>
/// <param name="Key">Its path, e.g. "tiers.code.model"; "models.chat" and "completion.enabled" come only from editor settings.</param>
/// <param name="Origin">"router.yaml:12", "default", or "editor setting router.models.chat".</param>
public sealed record RouterConfigValue(string Key, string Value, string Origin);

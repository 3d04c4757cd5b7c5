using Router.Core.Configuration;

namespace Router.Runtime.Configuration;

/// <summary>One change an editor setting makes to router.yaml's configuration: the key it sets, the setting's name as the
/// user sees it, and the change itself.</summary>
/// <param name="Key">The router.yaml key whose value the setting replaces, e.g. "privacy.mode".</param>
/// <param name="Setting">The editor setting, e.g. "router.privacy.localOnly".</param>
public sealed record EditorSettingEffect(string Key, string Setting, Func<RouterConfig, RouterConfig> Apply);

namespace Router.Cli.ConfigShow;

/// <summary>The options of one `router config show`.</summary>
/// <param name="SettingsPath">A JSON file of the editor's settings to apply on top of the file; null for none.</param>
internal sealed record ConfigShowInvocation(string? ConfigPath, string? SettingsPath, bool Json);

namespace Router.Cli.Doctor;

/// <summary>A line of the configuration that changes nothing the router does (see Router.Core's UnusedConfiguration).</summary>
/// <param name="Line">1-based line in <paramref name="File"/>.</param>
/// <param name="Key">The key the line sets, e.g. "routes.completion".</param>
internal sealed record UnusedSettingFinding(string File, long Line, string Key, string Message);

namespace Router.Cli.Serving;

/// <summary>The options of one <c>router serve</c>.</summary>
internal sealed record ServeInvocation(string? ConfigPath, string Listen, string? KeysPath, bool HashKey);

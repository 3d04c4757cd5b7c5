namespace Router.Cli.Routing;

/// <summary>The parsed arguments of `router route`.</summary>
internal sealed record RouteInvocation(
    string? ConfigPath,
    string? BatchPath,
    bool Json,
    string Kind,
    string? File,
    string? Language,
    string? Prompt);

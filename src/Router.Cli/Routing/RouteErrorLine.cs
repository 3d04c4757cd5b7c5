namespace Router.Cli.Routing;

/// <summary>The line written in place of a decision when a request line is unusable.</summary>
internal sealed record RouteErrorLine(string? Id, string Error);

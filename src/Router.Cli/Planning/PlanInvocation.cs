namespace Router.Cli.Planning;

/// <summary>What `router plan` was asked: the configuration, a rates file, JSON or text, the probe timeout.</summary>
internal sealed record PlanInvocation(string? ConfigPath, string? RatesPath, bool Json, TimeSpan Timeout);

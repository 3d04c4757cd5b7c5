namespace Router.Cli.Asking;

/// <summary>The parsed arguments of `router ask`.</summary>
internal sealed record AskInvocation(string? ConfigPath, string Kind, string? File, string? Language, string? Prompt);

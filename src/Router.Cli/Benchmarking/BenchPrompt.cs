namespace Router.Cli.Benchmarking;

/// <summary>The text of one bench request: a fill-in-the-middle prefix and suffix, or a chat message.</summary>
internal sealed record BenchPrompt(string Text, string? Suffix, int Tokens);

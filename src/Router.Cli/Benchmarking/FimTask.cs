namespace Router.Cli.Benchmarking;

/// <summary>One next-line infill task: the code before the cursor (ending in the line's indentation), the code after the
/// line, and the line's expected text.</summary>
internal sealed record FimTask(string Id, string Language, string Prefix, string Suffix, string Expected);

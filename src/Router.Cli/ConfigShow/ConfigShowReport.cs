namespace Router.Cli.ConfigShow;

/// <summary>The configuration in force: the file it came from (or the built-in default) and every value with its origin.</summary>
internal sealed record ConfigShowReport(string Source, IReadOnlyList<ConfigValue> Values);

namespace Router.Lsp.Contracts;

/// <summary>Result of <c>router.configShow</c>: the configuration in force in this server (router.yaml, the defaults and the
/// editor's settings it received), the same object `router config show --json` prints.</summary>
/// <param name="Source">The file read, or "(built-in default)".</param>
public sealed record RouterConfigShowResult(string Source, IReadOnlyList<RouterConfigValue> Values);

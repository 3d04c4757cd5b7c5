namespace Router.Core.Configuration;

/// <summary>Bounds on reading a configuration file, so a hostile or mangled file costs milliseconds and megabytes, not
/// a crashed or hung server.</summary>
/// <param name="MaxBytes">Largest file read; a real router.yaml is a few kilobytes.</param>
/// <param name="MaxDepth">Deepest nesting of mappings and lists (the format itself needs four levels).</param>
/// <param name="MaxAliases">Most <c>*alias</c> uses in one file.</param>
/// <param name="MaxExpandedSize">Most nodes plus scalar characters the file may stand for once every alias is
/// expanded; twice <paramref name="MaxBytes"/> admits any file without aliases.</param>
/// <param name="MaxDiagnostics">Most problems reported; past it one more says the rest were left out.</param>
public sealed record ConfigLimits(int MaxBytes, int MaxDepth, int MaxAliases, long MaxExpandedSize, int MaxDiagnostics)
{
    /// <summary>1 MiB, 64 levels, 1,000 aliases, 2 Mi expanded, 100 diagnostics.</summary>
    public static ConfigLimits Default { get; } = new(
        MaxBytes: 1 << 20,
        MaxDepth: 64,
        MaxAliases: 1_000,
        MaxExpandedSize: 2L << 20,
        MaxDiagnostics: 100);
}

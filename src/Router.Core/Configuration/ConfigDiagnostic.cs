using System.Globalization;

namespace Router.Core.Configuration;

/// <summary>A problem found in a configuration file, located by file, line and key path (e.g. "tiers.code.endpoints[0]").</summary>
/// <param name="Line">1-based line; 0 when the problem has no single place (a missing section).</param>
public sealed record ConfigDiagnostic(ConfigSeverity Severity, string File, long Line, string Key, string Message)
{
    public bool IsError => Severity == ConfigSeverity.Error;

    /// <summary>"router.yaml:12: error: tiers.code.endpoints[0]: endpoint 'gpu' is not defined under endpoints".</summary>
    public override string ToString()
    {
        string place = Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}") : File;
        string severity = IsError ? "error" : "warning";
        return Key.Length > 0 ? $"{place}: {severity}: {Key}: {Message}" : $"{place}: {severity}: {Message}";
    }
}

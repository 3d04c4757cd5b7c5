using System.Globalization;

namespace Router.Core.Configuration;

/// <summary>The diagnostics of one file being loaded, capped so a file with thousands of faults reports a readable
/// hundred and says that more were left out.</summary>
internal sealed class ConfigProblems(string file, int limit)
{
    private const int MaxKeyLength = 120;
    private const int MaxMessageLength = 500;

    private readonly List<ConfigDiagnostic> _diagnostics = [];
    private bool _truncated;

    public string File { get; } = file;

    public bool HasErrors { get; private set; }

    public IReadOnlyList<ConfigDiagnostic> ToList() => _diagnostics.ToArray();

    public void Error(long line, string key, string message) => Add(ConfigSeverity.Error, line, key, message);

    public void Warning(long line, string key, string message) => Add(ConfigSeverity.Warning, line, key, message);

    private void Add(ConfigSeverity severity, long line, string key, string message)
    {
        if (message.Length > MaxMessageLength)
        {
            // Messages quote values in excerpts; this only guards against one that slipped through.
            message = string.Concat(message.AsSpan(0, MaxMessageLength), "...");
        }

        if (key.Length > MaxKeyLength)
        {
            // Only a hostile file nests this deep ("a[0][0][0]..."); its start says where.
            key = string.Concat(key.AsSpan(0, MaxKeyLength), "...");
        }

        HasErrors |= severity == ConfigSeverity.Error;
        if (_diagnostics.Count < limit)
        {
            _diagnostics.Add(new ConfigDiagnostic(severity, File, line, key, message));
        }
        else if (!_truncated)
        {
            _truncated = true;
            _diagnostics.Add(new ConfigDiagnostic(severity, File, line, key,
                string.Create(CultureInfo.InvariantCulture, $"{message} (and more problems; only the first {limit} are shown)")));
        }
    }
}

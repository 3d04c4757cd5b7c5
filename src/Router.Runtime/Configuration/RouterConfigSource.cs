using System.Globalization;
using System.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Router.Core.Configuration;
using Router.Core.Policy;

namespace Router.Runtime.Configuration;

/// <summary>The configuration in force for the language server, and its routing policy. It follows router.yaml:
/// a saved edit takes effect for the next request, a broken edit keeps the last good configuration. The one-shot
/// commands load it once through <see cref="Load"/>.</summary>
/// <remarks>Resolution: an explicit file (<c>--config</c>), else router.yaml in the workspace root, else the built-in
/// default. The workspace file is watched even before it exists, so creating one takes effect too.</remarks>
public sealed class RouterConfigSource : IDisposable
{
    public const string WorkspaceFileName = "router.yaml";

    private static readonly TimeSpan SettleDelay = TimeSpan.FromMilliseconds(150);
    private const int EmptyReadRetries = 3;

    private readonly LastGoodConfig _config;
    private readonly Func<string, string?> _environment;
    private readonly bool _explicitFile;
    private readonly Lock _gate = new();
    private RoutePolicy _policy;
    private string? _path;
    private FileSystemWatcher? _watcher;
    private Timer? _settle;
    private IReadOnlyList<ConfigDiagnostic>? _lastRefusal;

    private RouterConfigSource(RouterConfig initial, string? path, bool explicitFile, Func<string, string?> environment)
    {
        _config = new LastGoodConfig(initial);
        _policy = new RoutePolicy(initial);
        _path = path;
        _explicitFile = explicitFile;
        _environment = environment;
    }

    /// <summary>Where a reload that failed outright is logged (a refused file is reported through <see cref="Reloaded"/>);
    /// nowhere by default.</summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>Raised after every read of the file, taken or refused; handlers must be quick.</summary>
    public event Action<ConfigReload>? Reloaded;

    /// <summary>The configuration the next request uses.</summary>
    public RouterConfig Current => _config.Current;

    /// <summary>The routing policy over <see cref="Current"/>.</summary>
    public RoutePolicy Policy => Volatile.Read(ref _policy);

    /// <summary>The editor's settings applied on top of the file (see <see cref="ApplyEditorSettings"/>).</summary>
    public EditorSettings Settings { get; private set; } = EditorSettings.None;

    /// <summary>Raised after the editor's settings changed what the next request gets; handlers must be quick.</summary>
    public event Action? SettingsChanged;

    /// <summary>Applies the editor's settings to the next request, keeping router.yaml as it is.</summary>
    public void ApplyEditorSettings(EditorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        lock (_gate)
        {
            if (settings == Settings)
            {
                return;
            }

            Settings = settings;
            Volatile.Write(ref _policy, settings.PolicyFor(_config.Current));
        }

        SettingsChanged?.Invoke();
    }

    /// <summary>The configuration in force now, router.yaml with the editor's settings, every value with its origin.</summary>
    public ConfigInForceReport Report()
    {
        lock (_gate)
        {
            return ConfigInForceReport.Of(_config.Current, Settings);
        }
    }

    /// <summary>The file followed, if any.</summary>
    public string? FilePath => _path;

    /// <summary>The result of the first read, for the host to report at start-up.</summary>
    public ConfigReload? InitialLoad { get; private set; }

    /// <summary>A fixed configuration that never changes (tests, embedding).</summary>
    public static RouterConfigSource Fixed(RouterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new RouterConfigSource(config, null, explicitFile: true, _ => null);
    }

    /// <summary>Follows <paramref name="path"/> (from <c>--config</c>); a broken file at start leaves the built-in default in force.</summary>
    public static RouterConfigSource FromFile(string path, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(path);
        RouterConfigSource source = new(RouterConfig.Default, FullPathOrAsGiven(path), explicitFile: true, environment);
        source.InitialLoad = source.Reload();
        source.Watch();
        return source;
    }

    // An empty or malformed path is not a reason to stop: it reads as a file that does not exist, which the user is told.
    private static string FullPathOrAsGiven(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or SecurityException)
        {
            return path;
        }
    }

    /// <summary>No file named: the workspace's router.yaml once the workspace is known, else the built-in default.</summary>
    public static RouterConfigSource FromWorkspace(string? workspaceRoot, Func<string, string?> environment)
    {
        RouterConfigSource source = new(RouterConfig.Default, null, explicitFile: false, environment);
        if (workspaceRoot is not null)
        {
            source.UseWorkspace(workspaceRoot);
        }

        return source;
    }

    /// <summary>Called at <c>initialize</c> with the workspace root; ignored when a file was named explicitly.</summary>
    public void UseWorkspace(string workspaceRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workspaceRoot);
        if (_explicitFile)
        {
            return;
        }

        string candidate = Path.GetFullPath(Path.Combine(workspaceRoot, WorkspaceFileName));
        lock (_gate)
        {
            if (string.Equals(candidate, _path, StringComparison.Ordinal))
            {
                return;
            }

            _path = candidate;
        }

        InitialLoad = File.Exists(candidate) ? Reload() : null;
        Watch();
    }

    /// <summary>Reads the file again now (a save, or <c>workspace/didChangeConfiguration</c>).</summary>
    public ConfigReload Reload()
    {
        string? path = _path;
        if (path is null)
        {
            return new ConfigReload(Current.Source, Applied: true, []);
        }

        ConfigLoadResult loaded;
        if (!File.Exists(path))
        {
            // The workspace file was deleted: fall back to the built-in default, which is what a user without one has.
            loaded = _explicitFile
                ? new ConfigLoadResult(null, [new ConfigDiagnostic(ConfigSeverity.Error, path, 0, "", "the file does not exist")])
                : new ConfigLoadResult(RouterConfig.Default, []);
        }
        else
        {
            loaded = ReadFile(path, _environment);
        }

        bool repeat;
        lock (_gate)
        {
            RoutePolicy? policy = loaded.Config is { } candidate ? PolicyOrRefusal(candidate, path, ref loaded) : null;
            _config.Apply(loaded);
            if (policy is not null)
            {
                Volatile.Write(ref _policy, policy);
            }

            repeat = !loaded.Succeeded && _lastRefusal is { } last && last.SequenceEqual(loaded.Diagnostics);
            _lastRefusal = loaded.Succeeded ? null : loaded.Diagnostics;
        }

        ConfigReload reload = new(path, loaded.Succeeded, loaded.Diagnostics, repeat);
        Reloaded?.Invoke(reload);
        return reload;
    }

    // The loader has validated the configuration; building its policy is the last step that could still refuse it.
    private RoutePolicy? PolicyOrRefusal(RouterConfig candidate, string path, ref ConfigLoadResult loaded)
    {
        try
        {
            return Settings.PolicyFor(candidate);
        }
#pragma warning disable CA1031 // A configuration that cannot become a policy is refused like any broken edit; the server keeps running.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            loaded = new ConfigLoadResult(null, [.. loaded.Diagnostics,
                new ConfigDiagnostic(ConfigSeverity.Error, path, 0, "", $"the configuration cannot be used: {ex.Message}")]);
            return null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _watcher?.Dispose();
            _watcher = null;
            _settle?.Dispose();
            _settle = null;
        }
    }

    /// <summary>Finds and loads the configuration once, for a command: <paramref name="configPath"/> (--config), else
    /// router.yaml in <paramref name="currentDirectory"/>, else the built-in default. A file that cannot be read is an
    /// error diagnostic naming it.</summary>
    public static ConfigLoadResult Load(string? configPath, string currentDirectory, Func<string, string?> environment)
    {
        string? path = configPath;
        if (path is null)
        {
            string candidate = Path.Combine(currentDirectory, WorkspaceFileName);
            if (!File.Exists(candidate))
            {
                return new ConfigLoadResult(RouterConfig.Default, []);
            }

            path = candidate;
        }

        return ReadFile(path, environment);
    }

    /// <summary>Loads the configuration for <paramref name="command"/> and writes its diagnostics to <paramref name="stderr"/>;
    /// null (after saying so) when it is unusable, which the commands answer with exit code 2.</summary>
    public static async Task<RouterConfig?> LoadReportingAsync(
        string command, string? configPath, string currentDirectory, Func<string, string?> environment, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        ConfigLoadResult loaded = Load(configPath, currentDirectory, environment);
        foreach (ConfigDiagnostic diagnostic in loaded.Diagnostics)
        {
            await stderr.WriteLineAsync(diagnostic.ToString().AsMemory(), cancellationToken);
        }

        if (loaded.Config is null)
        {
            await stderr.WriteLineAsync($"router {command}: the configuration {configPath ?? WorkspaceFileName} is unusable".AsMemory(), cancellationToken);
        }

        return loaded.Config;
    }

    /// <summary>Reads and validates one configuration file; an unreadable file is an error naming it, not an exception.</summary>
    public static ConfigLoadResult ReadFile(string path, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(environment);

        // An editor may still hold the file while saving, or have truncated it and not yet written it again: a short
        // pause and another read cover both. A file that stays empty is an error, so the last good configuration stays.
        ConfigLimits limits = ConfigLimits.Default;
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                // The size is checked before reading, so a huge file named by mistake is refused without loading it.
                long length = new FileInfo(path).Length;
                if (length > limits.MaxBytes)
                {
                    return Refused(path, string.Create(CultureInfo.InvariantCulture,
                        $"the file is {length:N0} bytes; a configuration may be at most {limits.MaxBytes:N0}"));
                }

                byte[] bytes = File.ReadAllBytes(path);
                if (IsBlank(bytes))
                {
                    if (attempt < EmptyReadRetries)
                    {
                        Thread.Sleep(50);
                        continue;
                    }

                    return Refused(path, "the file is empty");
                }

                return RouterConfigLoader.Load(bytes, path, environment, limits);
            }
            catch (IOException) when (attempt == 0)
            {
                Thread.Sleep(50);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or SecurityException)
            {
                return Refused(path, $"cannot read the file: {ex.Message}");
            }
        }
    }

    private static ConfigLoadResult Refused(string path, string message) =>
        new(null, [new ConfigDiagnostic(ConfigSeverity.Error, path, 0, "", message)]);

    // A byte order mark alone is as empty as no bytes: an editor that wrote only that has not finished saving.
    private static bool IsBlank(ReadOnlySpan<byte> bytes) =>
        (bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes).IndexOfAnyExcept(" \t\r\n"u8) < 0;

    private void Watch()
    {
        string? path = _path;
        string? directory = path is null ? null : Path.GetDirectoryName(path);
        if (path is null || directory is null || !Directory.Exists(directory))
        {
            return;
        }

        lock (_gate)
        {
            _watcher?.Dispose();
            _settle ??= new Timer(_ => ReloadFromWatcher());

            // Editors save by writing a temporary file and renaming it over the old one: watch the folder, not the file.
            _watcher = new FileSystemWatcher(directory, Path.GetFileName(path))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            _watcher.Changed += (_, _) => Settle();
            _watcher.Created += (_, _) => Settle();
            _watcher.Deleted += (_, _) => Settle();
            _watcher.Renamed += (_, _) => Settle();
            _watcher.EnableRaisingEvents = true;
        }
    }

    // A timer callback that throws ends the process: whatever a reload meets (a handler of Reloaded included), the
    // server keeps running on the configuration it has.
    private void ReloadFromWatcher()
    {
        try
        {
            Reload();
        }
#pragma warning disable CA1031 // See above: the alternative is a dead language server.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            ConfigLog.ReloadFailed(Logger, _path ?? "router.yaml", ex);
        }
    }

    // A save raises several events; read once after they settle.
    private void Settle()
    {
        lock (_gate)
        {
            _settle?.Change(SettleDelay, Timeout.InfiniteTimeSpan);
        }
    }
}

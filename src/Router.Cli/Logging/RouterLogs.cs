using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Router.Runtime.State;

namespace Router.Cli.Logging;

/// <summary>The router's logging for one run: the <c>--log-level</c> option every command takes, and once the command line
/// is parsed, the logger factory writing to stderr and to <c>router.log</c> in the log folder
/// (<see cref="StateDirectory.Logs"/>).</summary>
internal sealed class RouterLogs : IDisposable
{
    /// <summary>Overrides the level when <c>--log-level</c> is not given (an editor's launch settings may only set variables).</summary>
    public const string LevelVariable = "ROUTER_LOG_LEVEL";

    /// <summary>Size in bytes at which router.log rolls over.</summary>
    public const string MaxBytesVariable = "ROUTER_LOG_MAX_BYTES";

    /// <summary>How many rolled-over files (router.1.log, …) are kept.</summary>
    public const string FilesVariable = "ROUTER_LOG_FILES";

    private static readonly string[] LevelNames = ["trace", "debug", "information", "warning", "error", "none"];

    private RouterLoggerProvider? _provider;
    private LoggerFactory? _factory;

    public Option<string?> LevelOption { get; } = CreateLevelOption();

    /// <summary>Where the run logs; nowhere until <see cref="Start"/>.</summary>
    public ILoggerFactory Factory => (ILoggerFactory?)_factory ?? NullLoggerFactory.Instance;

    /// <summary>The level in force after <see cref="Start"/>.</summary>
    public LogLevel Level { get; private set; } = LogLevel.None;

    /// <summary>The folder of the log files; null when nothing is logged.</summary>
    public string? Directory { get; private set; }

    /// <summary>The level default of a command: information for the language server and the gateway, whose stderr an editor keeps in an output
    /// channel that people open when something is wrong; warning for commands run in a terminal, whose stderr the user reads
    /// next to the command's own output.</summary>
    public static LogLevel DefaultLevel(string command) => command is "lsp" or "serve" ? LogLevel.Information : LogLevel.Warning;

    /// <summary>Sets the level from <c>--log-level</c>, else <see cref="LevelVariable"/>, else the command's default, and
    /// starts writing at that level to <paramref name="terminal"/> and the log file.</summary>
    public void Start(ParseResult parsed, TextWriter terminal, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(environment);
        if (parsed.Errors.Count > 0)
        {
            // The command will not run: its parse errors are what the user needs to see.
            return;
        }

        Level = TryParse(parsed.GetValue(LevelOption)) ?? FromVariable(environment, terminal) ?? DefaultLevel(parsed.CommandResult.Command.Name);
        if (Level == LogLevel.None)
        {
            return;
        }

        long maxBytes = Number(environment, MaxBytesVariable, RotatingLogFile.DefaultMaxBytes, 1024, long.MaxValue, terminal);
        int keep = (int)Number(environment, FilesVariable, RotatingLogFile.DefaultKeep, 1, 100, terminal);
        Directory = StateDirectory.Logs(environment);
        RotatingLogFile file = new(Directory, maxBytes, keep, problem => terminal.WriteLine(problem));
        _provider = new RouterLoggerProvider(terminal, file);
        _factory = new LoggerFactory([_provider], new LoggerFilterOptions { MinLevel = Level });
    }

    public void Dispose()
    {
        _factory?.Dispose();
        _provider?.Dispose();
    }

    /// <summary>The level a name stands for; null for a name that is none of trace, debug, information, warning, error, none.</summary>
    public static LogLevel? TryParse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "information" => LogLevel.Information,
        "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "none" => LogLevel.None,
        _ => null,
    };

    private static Option<string?> CreateLevelOption()
    {
        Option<string?> option = new("--log-level")
        {
            Description = "What to log to stderr and to router.log in the state folder: trace, debug, information, warning, error or none " +
                $"(default: information for lsp, warning for the other commands; or set {LevelVariable}). Logs never hold prompt text or secrets.",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong(LevelNames);
        return option;
    }

    private static LogLevel? FromVariable(Func<string, string?> environment, TextWriter terminal)
    {
        string? value = environment(LevelVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        LogLevel? level = TryParse(value);
        if (level is null)
        {
            terminal.WriteLine($"router: {LevelVariable}={value} is not a level ({string.Join(", ", LevelNames)}); the default is used");
        }

        return level;
    }

    private static long Number(Func<string, string?> environment, string name, long fallback, long least, long most, TextWriter terminal)
    {
        string? value = environment(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long number) && number >= least && number <= most)
        {
            return number;
        }

        terminal.WriteLine(string.Create(CultureInfo.InvariantCulture, $"router: {name}={value} is not a whole number from {least} to {most}; {fallback} is used"));
        return fallback;
    }
}

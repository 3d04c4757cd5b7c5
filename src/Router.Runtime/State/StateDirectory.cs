namespace Router.Runtime.State;

/// <summary>Where the router keeps what outlives one run (today's cloud spend, the log files), one folder per user.</summary>
public static class StateDirectory
{
    /// <summary>The router's folder inside the platform's state (or logs) folder.</summary>
    public const string FolderName = "router-lsp";

    /// <summary><c>$XDG_STATE_HOME/router-lsp</c> when that is an absolute path, else <c>%LOCALAPPDATA%\router-lsp</c> on Windows
    /// and <c>~/.local/state/router-lsp</c> elsewhere.</summary>
    /// <param name="environment">Reads an environment variable; the process's own by default.</param>
    public static string Resolve(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (XdgStateHome(environment) is { } state)
        {
            return Path.Combine(state, FolderName);
        }

        return OperatingSystem.IsWindows()
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), FolderName)
            : Path.Combine(Home(environment), ".local", "state", FolderName);
    }

    /// <summary>Where log files go: the state folder, except on macOS without <c>XDG_STATE_HOME</c>, where
    /// <c>~/Library/Logs/router-lsp</c> is the folder Console.app and users look in.</summary>
    public static string Logs(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        return OperatingSystem.IsMacOS() && XdgStateHome(environment) is null
            ? Path.Combine(Home(environment), "Library", "Logs", FolderName)
            : Resolve(environment);
    }

    private static string? XdgStateHome(Func<string, string?> environment)
    {
        string? state = environment("XDG_STATE_HOME");

        // The XDG spec says a relative path there is invalid and must be ignored.
        return string.IsNullOrWhiteSpace(state) || !Path.IsPathRooted(state) ? null : state;
    }

    private static string Home(Func<string, string?> environment) =>
        environment("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}

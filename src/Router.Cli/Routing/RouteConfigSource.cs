using Router.Core.Configuration;
using Router.Lsp.Configuration;

namespace Router.Cli.Routing;

/// <summary>Finds and loads the configuration for a command: --config, else ./router.yaml, else the built-in default.</summary>
internal static class RouteConfigSource
{
    public const string WorkspaceFile = RouterConfigSource.WorkspaceFileName;

    /// <summary>The load result; a file that cannot be read is an error diagnostic naming it.</summary>
    public static ConfigLoadResult Load(string? configPath, string currentDirectory, Func<string, string?> environment)
    {
        string? path = configPath;
        if (path is null)
        {
            string candidate = Path.Combine(currentDirectory, WorkspaceFile);
            if (!File.Exists(candidate))
            {
                return new ConfigLoadResult(RouterConfig.Default, []);
            }

            path = candidate;
        }

        return RouterConfigSource.ReadFile(path, environment);
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
            await stderr.WriteLineAsync($"router {command}: the configuration {configPath ?? WorkspaceFile} is unusable".AsMemory(), cancellationToken);
        }

        return loaded.Config;
    }
}

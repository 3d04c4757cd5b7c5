using Router.Core.Configuration;

namespace Router.Cli.Routing;

/// <summary>Finds and loads the configuration for a command: --config, else ./router.yaml, else the built-in default.</summary>
internal static class RouteConfigSource
{
    public const string WorkspaceFile = "router.yaml";

    /// <summary>The load result, or null with a message when the named file cannot be read.</summary>
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

        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ConfigLoadResult(null,
                [new ConfigDiagnostic(ConfigSeverity.Error, path, 0, "", $"cannot read the file: {ex.Message}")]);
        }

        return RouterConfigLoader.Load(yaml, path, environment);
    }
}

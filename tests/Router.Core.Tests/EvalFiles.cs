namespace Router.Core.Tests;

/// <summary>Files of the project's evaluation (eval/ in the repository), copied beside the test assembly at build time.</summary>
internal static class EvalFiles
{
    public static string RouterYamlPath => Path.Combine(AppContext.BaseDirectory, "eval", "router.yaml");
}

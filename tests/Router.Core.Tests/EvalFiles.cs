namespace Router.Core.Tests;

/// <summary>Finds files of the shared evaluation (checked out at ../shared beside the repository, locally and in CI).</summary>
internal static class EvalFiles
{
    public static string RouterYamlPath => Find(Path.Combine("shared", "eval", "router.yaml"));

    private static string Find(string relative)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}; the eval files must be checked out at ../shared");
    }
}

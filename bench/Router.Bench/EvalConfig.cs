namespace Router.Bench;

/// <summary>The project's evaluation configuration (eval/router.yaml), embedded at build time so the benchmark reads no file at run time.</summary>
public static class EvalConfig
{
    /// <summary>The YAML text of the evaluation configuration.</summary>
    public static string Yaml { get; } = Load();

    private static string Load()
    {
        using Stream stream = typeof(EvalConfig).Assembly.GetManifestResourceStream("Router.Bench.eval.router.yaml")
            ?? throw new InvalidOperationException("Missing embedded eval/router.yaml.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

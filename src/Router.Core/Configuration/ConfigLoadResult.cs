namespace Router.Core.Configuration;

/// <summary>The outcome of loading a configuration: the config when it has no errors, and every diagnostic found.</summary>
public sealed record ConfigLoadResult(RouterConfig? Config, IReadOnlyList<ConfigDiagnostic> Diagnostics)
{
    public bool Succeeded => Config is not null;

    public IEnumerable<ConfigDiagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<ConfigDiagnostic> Warnings => Diagnostics.Where(d => !d.IsError);
}

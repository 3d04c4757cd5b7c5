namespace Router.Core.Configuration;

/// <summary>Holds the configuration in force; a broken edit is refused and the previous good configuration stays.</summary>
/// <remarks>Thread-safe: hot reload applies edits while requests read <see cref="Current"/>.</remarks>
public sealed class LastGoodConfig
{
    private RouterConfig _current;
    private IReadOnlyList<ConfigDiagnostic> _lastProblems = [];

    public LastGoodConfig(RouterConfig initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
    }

    /// <summary>The configuration the next request uses.</summary>
    public RouterConfig Current => Volatile.Read(ref _current);

    /// <summary>Diagnostics of the last edit applied (errors when it was refused, else its warnings).</summary>
    public IReadOnlyList<ConfigDiagnostic> LastProblems => Volatile.Read(ref _lastProblems);

    /// <summary>Takes the edit when it loaded without errors; otherwise keeps the current config. Returns whether it was taken.</summary>
    public bool Apply(ConfigLoadResult edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        Volatile.Write(ref _lastProblems, edit.Diagnostics);
        if (edit.Config is null)
        {
            return false;
        }

        Volatile.Write(ref _current, edit.Config);
        return true;
    }
}

namespace Router.Lsp.Completion;

/// <summary>Decides when a backend failure is worth a <c>window/logMessage</c>: once per distinct failure,
/// and again only after a success, so a dead host does not flood the editor on every keystroke.</summary>
internal sealed class BackendFailureLog
{
    private readonly Lock _gate = new();
    private string? _lastReported;

    /// <summary>True when this failure differs from the last one reported since the last success.</summary>
    public bool ShouldReport(string failure)
    {
        lock (_gate)
        {
            if (string.Equals(_lastReported, failure, StringComparison.Ordinal))
            {
                return false;
            }

            _lastReported = failure;
            return true;
        }
    }

    public void RecordSuccess()
    {
        lock (_gate)
        {
            _lastReported = null;
        }
    }
}

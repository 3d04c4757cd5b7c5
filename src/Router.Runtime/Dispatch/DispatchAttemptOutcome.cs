namespace Router.Runtime.Dispatch;

/// <summary>How one attempt of a dispatch ended.</summary>
public enum DispatchAttemptOutcome
{
    /// <summary>A complete answer arrived.</summary>
    Answered,

    /// <summary>The endpoint was contacted and failed (unreachable, error, stream cut, timeout).</summary>
    Failed,

    /// <summary>The endpoint was not contacted: circuit open, model missing, context too small, cloud for a private request.</summary>
    Skipped,
}

namespace Router.Runtime.Dispatch;

/// <summary>What kind of reason an attempt that gave no answer had, for callers that answer differently per kind (the
/// gateway's 404 and 429) without reading the reason's words.</summary>
public enum DispatchAttemptCause
{
    /// <summary>Any other reason: a host down, slow or failing, a circuit open, a context too small, an answer.</summary>
    Other,

    /// <summary>The host does not have the model (known before asking, or its answer said so).</summary>
    ModelMissing,

    /// <summary>A budget refused the cloud spend (the configuration's or the caller's scope).</summary>
    OverBudget,

    /// <summary>Never to be sent there: a private request to a cloud endpoint, or a tier the caller may not use.</summary>
    NotAllowed,

    /// <summary>The request's deadline had passed before this host's turn (hosts before it spent it): not its fault.</summary>
    DeadlineSpent,
}

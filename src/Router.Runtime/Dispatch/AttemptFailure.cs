using Router.Runtime.Health;

namespace Router.Runtime.Dispatch;

/// <summary>Why an attempt failed, and what it says about the host's health (null: nothing, e.g. a model missing there).</summary>
internal sealed record AttemptFailure(string Reason, EndpointFailureKind? Health, DispatchAttemptCause Cause = DispatchAttemptCause.Other)
{
    /// <summary>How long the host asked to be left alone (a rate limit's Retry-After).</summary>
    public TimeSpan? RetryAfter { get; init; }
}

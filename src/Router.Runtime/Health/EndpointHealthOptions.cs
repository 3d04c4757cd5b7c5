namespace Router.Runtime.Health;

/// <summary>When an endpoint's circuit opens and for how long.</summary>
public sealed record EndpointHealthOptions
{
    /// <summary>Consecutive <see cref="EndpointFailureKind.Unreachable"/> failures that open the circuit (1: at once).</summary>
    public int UnreachableThreshold { get; init; } = 1;

    /// <summary>Consecutive <see cref="EndpointFailureKind.Timeout"/> failures (a stall) that open the circuit (1: at once, so
    /// the next request does not wait out the same stall).</summary>
    public int TimeoutThreshold { get; init; } = 1;

    /// <summary>Consecutive failures of the other kinds that open the circuit.</summary>
    public int FailureThreshold { get; init; } = 3;

    /// <summary>The first cooldown; each reopening without a success in between doubles it.</summary>
    public TimeSpan BaseCooldown { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest cooldown, however often the endpoint failed.</summary>
    public TimeSpan MaxCooldown { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>A half-open trial that has not reported back after this long (its caller went away) lets another through.</summary>
    public TimeSpan TrialTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest another router's notice keeps an endpoint's circuit open here, whatever time the notice names: a
    /// stale or wrong notice never blocks a healthy host for longer (and a good probe here closes it sooner).</summary>
    public TimeSpan MaxPeerHold { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a host's own Retry-After keeps its circuit open: a wrong or huge value never blocks it for longer.</summary>
    public TimeSpan MaxRetryAfterHold { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Rejects settings that would never open or never close a circuit, naming the first one.</summary>
    public void Validate()
    {
        if (UnreachableThreshold < 1 || TimeoutThreshold < 1 || FailureThreshold < 1)
        {
            throw new ArgumentException("Failure thresholds must be at least 1.");
        }

        if (BaseCooldown <= TimeSpan.Zero || MaxCooldown < BaseCooldown)
        {
            throw new ArgumentException($"Cooldowns must be positive with MaxCooldown ({MaxCooldown}) at least BaseCooldown ({BaseCooldown}).");
        }

        if (MaxPeerHold <= TimeSpan.Zero)
        {
            throw new ArgumentException("MaxPeerHold must be positive.");
        }

        if (MaxRetryAfterHold <= TimeSpan.Zero)
        {
            throw new ArgumentException("MaxRetryAfterHold must be positive.");
        }

        if (TrialTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("TrialTimeout must be positive.");
        }
    }
}

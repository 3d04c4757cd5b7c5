namespace Router.Runtime.Dispatch;

/// <summary>No endpoint could answer; the message lists every attempt — endpoint, model and why it failed or was skipped.</summary>
public sealed class DispatchFailedException : Exception
{
    public DispatchFailedException()
    {
    }

    public DispatchFailedException(string message)
        : base(message)
    {
    }

    public DispatchFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DispatchFailedException(string headline, IReadOnlyList<DispatchAttempt> attempts)
        : this(headline, attempts, null)
    {
    }

    /// <param name="privacy">For a private request: why it was kept off the cloud and what would serve it; said first.</param>
    public DispatchFailedException(string headline, IReadOnlyList<DispatchAttempt> attempts, PrivateFailureExplanation? privacy)
        : base(privacy is null ? Describe(headline, attempts) : privacy + Environment.NewLine + Describe(headline, attempts))
    {
        Attempts = attempts;
        Privacy = privacy;
    }

    /// <summary>Why a private request was kept off the cloud and what would serve it; null when the request was not private.</summary>
    public PrivateFailureExplanation? Privacy { get; }

    /// <summary>Where and why each attempt failed, without timings, so the same outage reads the same on every request
    /// (an editor can then say it once): "gpu-box: connection refused; laptop: model missing — ollama pull x".</summary>
    public string Summary => Attempts.Count == 0
        ? Message
        : string.Join("; ", Attempts.Select(a => $"{a.Endpoint}: {a.Reason}").Distinct(StringComparer.Ordinal));

    /// <summary>Every endpoint tried or skipped, in order.</summary>
    public IReadOnlyList<DispatchAttempt> Attempts { get; } = [];

    private static string Describe(string headline, IReadOnlyList<DispatchAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        return attempts.Count == 0
            ? headline
            : headline + ":" + Environment.NewLine + string.Join(Environment.NewLine, attempts.Select(a => "  " + a));
    }
}

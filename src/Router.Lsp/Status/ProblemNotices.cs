using Router.Runtime.Dispatch;

namespace Router.Lsp.Status;

/// <summary>The problems the user has been told about and that have not been resolved since, so each is told once:
/// a dead host or a missing model is a notice on the first request that meets it, not on every keystroke after.</summary>
/// <remarks>A problem is resolved when its host answers again (for a missing model: answers with that model); if it
/// recurs after that, it is new again.</remarks>
internal sealed class ProblemNotices
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HostProblem> _open = new(StringComparer.Ordinal);

    /// <summary>Takes in the attempts of one dispatch; returns the problems in them the user has not been told about.</summary>
    /// <param name="resolved">Set when an answer in these attempts resolved a problem told before.</param>
    /// <param name="recognized">Set when the attempts show a host problem, told before or not.</param>
    public IReadOnlyList<HostProblem> Observe(IReadOnlyList<DispatchAttempt> attempts, out bool resolved, out bool recognized)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        resolved = false;
        recognized = false;
        List<HostProblem> fresh = [];
        lock (_gate)
        {
            foreach (DispatchAttempt attempt in attempts.Where(a => a.Outcome == DispatchAttemptOutcome.Answered))
            {
                resolved |= _open.Remove(DownKey(attempt.Endpoint)) | _open.Remove(MissingKey(attempt.Endpoint, attempt.Model));
            }

            foreach (DispatchAttempt attempt in attempts.Where(a => a.Outcome != DispatchAttemptOutcome.Answered))
            {
                if (Classify(attempt) is not { } problem)
                {
                    continue;
                }

                recognized = true;
                if (_open.TryAdd(problem.Key, problem))
                {
                    fresh.Add(problem);
                }
            }
        }

        return fresh;
    }

    /// <summary>A failure without a host to blame (the request could not be routed): new unless told already.</summary>
    public HostProblem? ObserveFailure(string summary)
    {
        HostProblem problem = new("failed|" + summary, "", null, summary);
        lock (_gate)
        {
            return _open.TryAdd(problem.Key, problem) ? problem : null;
        }
    }

    /// <summary>A request was answered: failures without a host are over.</summary>
    public bool ObserveSuccess()
    {
        lock (_gate)
        {
            List<string> general = [.. _open.Keys.Where(key => key.StartsWith("failed|", StringComparison.Ordinal))];
            general.ForEach(key => _open.Remove(key));
            return general.Count > 0;
        }
    }

    /// <summary>A host streamed text with a model: it is up and has the model.</summary>
    public bool ObserveWorking(string endpoint, string model)
    {
        lock (_gate)
        {
            return _open.Remove(DownKey(endpoint)) | _open.Remove(MissingKey(endpoint, model));
        }
    }

    private static HostProblem? Classify(DispatchAttempt attempt)
    {
        string reason = attempt.Reason;
        if (attempt.Cause == DispatchAttemptCause.ModelMissing)
        {
            return new HostProblem(MissingKey(attempt.Endpoint, attempt.Model), attempt.Endpoint, attempt.Model, reason);
        }

        // Not the host's fault: a private request kept off a cloud host, a context too small, a model without insert, a host
        // never tried because an earlier one used up the request's deadline.
        if (attempt.Cause is DispatchAttemptCause.NotAllowed or DispatchAttemptCause.OverBudget or DispatchAttemptCause.DeadlineSpent
            || reason.StartsWith("skipped: context", StringComparison.Ordinal)
            || reason.Contains("fill in the middle", StringComparison.Ordinal)
            || reason.Contains("not in the configuration", StringComparison.Ordinal))
        {
            return null;
        }

        // Unreachable, timed out, cut off, server errors, and the open circuit those leave behind.
        return new HostProblem(DownKey(attempt.Endpoint), attempt.Endpoint, null, reason);
    }

    private static string DownKey(string endpoint) => "down|" + endpoint;

    private static string MissingKey(string endpoint, string model) => $"missing|{endpoint}|{model}";
}

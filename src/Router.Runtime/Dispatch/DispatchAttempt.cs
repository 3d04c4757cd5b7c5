using System.Globalization;
using Router.Core.Requests;

namespace Router.Runtime.Dispatch;

/// <summary>One endpoint tried (or skipped) for a request, and why it did or did not answer.</summary>
/// <param name="Number">1-based, in the order tried.</param>
/// <param name="Escalation">True for attempts of the one retry one tier up after a weak answer.</param>
/// <param name="Reason">In words; names host and model, never prompt text or a key.</param>
public sealed record DispatchAttempt(
    int Number,
    bool Escalation,
    Tier Tier,
    string Model,
    string Endpoint,
    DispatchAttemptOutcome Outcome,
    string Reason,
    TimeSpan Elapsed)
{
    /// <summary>The kind of reason, for callers that answer per kind; <see cref="DispatchAttemptCause.Other"/> for an answer.</summary>
    public DispatchAttemptCause Cause { get; init; }

    /// <summary>"2. code qwen2.5-coder:14b on laptop: failed (…)", one line for an error message or a terminal.</summary>
    public override string ToString()
    {
        string elapsed = string.Create(CultureInfo.InvariantCulture, $" after {Elapsed.TotalMilliseconds:0} ms");
        string what = Outcome switch
        {
            DispatchAttemptOutcome.Answered => $"answered{elapsed}: {Reason}",
            DispatchAttemptOutcome.Failed => $"failed{elapsed}: {Reason}",
            // A skip's reason usually says so itself ("skipped: circuit open", "refused: …"), for the lists that show it alone.
            _ when Reason.StartsWith("skipped: ", StringComparison.Ordinal) || Reason.StartsWith("refused: ", StringComparison.Ordinal) => Reason,
            _ => "skipped: " + Reason,
        };
        return $"{Number}. {(Escalation ? "escalation: " : "")}{Tier.Name()} {Model} on {Endpoint}: {what}";
    }
}

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
    /// <summary>"2. code qwen2.5-coder:14b on laptop: failed (…)", one line for an error message or a terminal.</summary>
    public override string ToString()
    {
        string outcome = Outcome switch
        {
            DispatchAttemptOutcome.Answered => "answered",
            DispatchAttemptOutcome.Failed => "failed",
            _ => "skipped",
        };
        string elapsed = Outcome == DispatchAttemptOutcome.Skipped
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $" after {Elapsed.TotalMilliseconds:0} ms");
        return $"{Number}. {(Escalation ? "escalation: " : "")}{Tier.Name()} {Model} on {Endpoint}: {outcome}{elapsed}: {Reason}";
    }
}

using Microsoft.Extensions.AI;
using Router.Backends.Providers;
using Router.Core.Requests;
using Router.Quality;

namespace Router.Runtime.Dispatch;

/// <summary>A complete answer and how it came about: who actually answered, what it cost, every attempt and any escalation.</summary>
/// <param name="Text">The returned answer only: partial text of failed attempts and a replaced weak answer are not in it.</param>
/// <param name="Tier">The tier that actually answered (after fallback or escalation) — what the session history records.</param>
/// <param name="DecidedTier">The tier the policy chose before run time.</param>
/// <param name="DoneReason">The server's finish reason for the returned answer ("stop", "length"); null when it gave none.</param>
/// <param name="Usage">Tokens and timings of the returned answer, when the server reported them.</param>
/// <param name="Latency">From the start of the dispatch to the end of the returned answer.</param>
/// <param name="TimeToFirstToken">From the start of the dispatch to the first text of the returned answer; null for an empty answer.</param>
/// <param name="Verdict">The judgement of the returned answer (<see cref="AnswerVerdict.Sound"/> for completions, never judged).</param>
/// <param name="CostUsd">Cloud cost of every answer received in this dispatch (a replaced weak answer was paid for too); 0 for local hosts.</param>
public sealed record DispatchResult(
    string Text,
    Tier Tier,
    string Model,
    string Endpoint,
    Tier DecidedTier,
    string? DoneReason,
    ModelUsage? Usage,
    TimeSpan Latency,
    TimeSpan? TimeToFirstToken,
    IReadOnlyList<DispatchAttempt> Attempts,
    DispatchEscalation? Escalation,
    AnswerVerdict Verdict,
    double CostUsd)
{
    /// <summary>The tools the model asked the caller to call, in order; empty for a text answer.</summary>
    public IReadOnlyList<FunctionCallContent> ToolCalls { get; init; } = [];

    /// <summary>True when the answer came from elsewhere than the decided endpoint, without escalation.</summary>
    public bool FellBack => Attempts.Any(a => !a.Escalation && a.Outcome != DispatchAttemptOutcome.Answered);

    /// <summary>The turn the session history records for this request: the tier that actually answered.</summary>
    public HistoryTurn ToHistoryTurn(RouteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new HistoryTurn(request.Kind, request.Text ?? request.Prefix, Tier, 0);
    }
}
